-- Catalogues restated from the seed guides (../shared/seeds). Each definition is the same JSON document
-- operations post to /api/v1/admin/catalogues; "source" says where every figure comes from.

insert into catalogue (version, region, year, status, first_month, last_month, effective_from, definition, source,
                       created_by, created_at, published_by, published_at)
values
('420100-2022-v1', '420100', 2022, 'PUBLISHED', '2022-07', '2023-06', '2022-07-01', $seed$
{
  "region": "420100", "year": 2022, "firstMonth": "2022-07", "lastMonth": "2023-06", "effectiveFrom": "2022-07-01",
  "source": "Hubei guide 2022-03 (social-insurance year 1 Jul-30 Jun, no pension back-pay for a closed year) and Wuhan 2022 grades 60-300 %. The seeds do not state the average wage: 6413.00 (Hubei 2021) is an assumption to verify; Wuhan medical is not in the seeds and is left out.",
  "averageWage": "6413.00",
  "window": {"rule": "SOCIAL_INSURANCE_YEAR", "ruleRef": "R12", "yearStartMonth": 7, "deferrals": []},
  "insurances": [
    {"insurance": "PENSION", "base": {"grades": [
        {"code": "60", "percent": "60", "base": "3848.00"}, {"code": "70", "percent": "70", "base": "4489.00"},
        {"code": "80", "percent": "80", "base": "5130.00"}, {"code": "90", "percent": "90", "base": "5772.00"},
        {"code": "100", "percent": "100", "base": "6413.00"}, {"code": "150", "percent": "150", "base": "9620.00"},
        {"code": "200", "percent": "200", "base": "12826.00"}, {"code": "250", "percent": "250", "base": "16033.00"},
        {"code": "300", "percent": "300", "base": "19239.00"}]},
     "plans": [{"code": "STANDARD", "parts": [{"rate": "0.20"}]}]}
  ]}$seed$, 'seed 000 (Hubei) + 003 (Wuhan)', 'seed', now(), 'seed', now()),

('360000-2020-v1', '360000', 2020, 'PUBLISHED', '2020-01', '2020-12', '2020-01-01', $seed$
{
  "region": "360000", "year": 2020, "firstMonth": "2020-01", "lastMonth": "2020-12", "effectiveFrom": "2020-01-01",
  "source": "Jiangxi guide: pension 20 % of the 2019 provincial average wage 5040 in nine grades plus the 568 epidemic grade (2019 floor base 2840), whole-yuan amounts (R8); medical 8 % of the average wage, assessed by the medical agency (R14, R16). The medical base 5040 is the provincial figure; cities may differ.",
  "averageWage": "5040.00",
  "window": {"rule": "CALENDAR_YEAR", "ruleRef": "R14", "yearStartMonth": 1, "deferrals": []},
  "insurances": [
    {"insurance": "PENSION", "rounding": "YUAN_PER_MONTH", "base": {"grades": [
        {"code": "EPIDEMIC", "base": "2840.00"},
        {"code": "60", "percent": "60", "base": "3024.00"}, {"code": "70", "percent": "70", "base": "3528.00"},
        {"code": "80", "percent": "80", "base": "4032.00"}, {"code": "90", "percent": "90", "base": "4536.00"},
        {"code": "100", "percent": "100", "base": "5040.00"}, {"code": "150", "percent": "150", "base": "7560.00"},
        {"code": "200", "percent": "200", "base": "10080.00"}, {"code": "250", "percent": "250", "base": "12600.00"},
        {"code": "300", "percent": "300", "base": "15120.00"}]},
     "plans": [{"code": "STANDARD", "parts": [{"rate": "0.20"}]}]},
    {"insurance": "MEDICAL", "agencyAssessed": true, "base": {"fixed": "5040.00"},
     "plans": [{"code": "STANDARD", "parts": [{"rate": "0.08"}]}]}
  ]}$seed$, 'seed 001 (Jiangxi)', 'seed', now(), 'seed', now()),

('370100-2022-v1', '370100', 2022, 'PUBLISHED', '2022-01', '2022-12', '2022-01-01', $seed$
{
  "region": "370100", "year": 2022, "firstMonth": "2022-01", "lastMonth": "2022-12", "effectiveFrom": "2022-01-01",
  "source": "Jinan guide 2022: pension 20 % of a base 3746-18726; medical base 3746, 9 % with personal account or 5 % + 18 yuan mutual aid as three items; January to the current month, 2022 months deferrable to 2023-12-31 without late fee (R13). The 4 %/1 % split of the pooled-only 5 % between unit and personal part is an assumption to verify.",
  "window": {"rule": "YEAR_TO_DATE", "ruleRef": "R13", "yearStartMonth": 1,
             "deferrals": [{"year": 2022, "payableUntil": "2023-12-31", "lateFeeWaived": true}]},
  "lateFee": {"ratePerDay": "0.0005", "dueMonths": 1, "insurances": ["MEDICAL"]},
  "insurances": [
    {"insurance": "PENSION", "base": {"floor": "3746.00", "ceiling": "18726.00"},
     "plans": [{"code": "STANDARD", "parts": [{"rate": "0.20"}]}]},
    {"insurance": "MEDICAL", "base": {"fixed": "3746.00"},
     "plans": [
       {"code": "WITH_ACCOUNT", "description": "统账结合: with personal account", "parts": [{"rate": "0.09"}]},
       {"code": "POOLED_ONLY", "description": "单建统筹: pooled only, three items booked together", "parts": [
         {"part": "UNIT", "rate": "0.04"}, {"part": "PERSONAL", "rate": "0.01"}, {"part": "MUTUAL_AID", "monthlyAmount": "18.00"}]}]}
  ]}$seed$, 'seed 002 (Jinan)', 'seed', now(), 'seed', now()),

('370700-2023-v1', '370700', 2023, 'PUBLISHED', '2023-01', '2023-12', '2023-01-01', $seed$
{
  "region": "370700", "year": 2023, "firstMonth": "2023-01", "lastMonth": "2023-12", "effectiveFrom": "2023-01-01",
  "source": "Weifang 2023 standard (seed 004): base 3980-19899, pension 20 %, medical 6/7/9/10 %, work injury 0.9 %, serious illness 150/year, long-term care 4/month. The window (whole calendar year) is an assumption: the seed gives yearly amounts.",
  "window": {"rule": "CALENDAR_YEAR", "ruleRef": "R13", "yearStartMonth": 1, "deferrals": []},
  "insurances": [
    {"insurance": "PENSION", "base": {"floor": "3980.00", "ceiling": "19899.00"},
     "plans": [{"code": "STANDARD", "parts": [{"rate": "0.20"}]}]},
    {"insurance": "MEDICAL", "base": {"floor": "3980.00", "ceiling": "19899.00"},
     "plans": [
       {"code": "R6", "description": "6 %: no personal account, no maternity, inpatient cover", "parts": [{"rate": "0.06"}]},
       {"code": "R7", "description": "7 %: no personal account, maternity, inpatient cover", "parts": [{"rate": "0.07"}]},
       {"code": "R9", "description": "9 %: personal account, no maternity, inpatient cover", "parts": [{"rate": "0.09"}]},
       {"code": "R10", "description": "10 %: personal account, maternity, inpatient cover", "parts": [{"rate": "0.10"}]}]},
    {"insurance": "WORK_INJURY", "enrolledAs": "PENSION", "base": {"floor": "3980.00", "ceiling": "19899.00"},
     "plans": [{"code": "STANDARD", "parts": [{"rate": "0.009"}]}]},
    {"insurance": "SERIOUS_ILLNESS", "enrolledAs": "MEDICAL",
     "plans": [{"code": "STANDARD", "parts": [{"yearlyAmount": "150.00"}]}]},
    {"insurance": "LONG_TERM_CARE", "enrolledAs": "MEDICAL",
     "plans": [{"code": "STANDARD", "parts": [{"monthlyAmount": "4.00"}]}]}
  ]}$seed$, 'seed 004 (Weifang)', 'seed', now(), 'seed', now());
