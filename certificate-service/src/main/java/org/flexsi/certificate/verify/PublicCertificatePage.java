package org.flexsi.certificate.verify;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.flexsi.contracts.Money;
import org.flexsi.platform.problem.ProblemException;

/**
 * The page a certificate's QR code opens in a phone's browser: the same URL as the JSON check
 * ({@link PublicCertificateResource}), chosen by the Accept header. A browser asks for text/html first and gets
 * this Chinese page: valid, revoked or unknown, with the number, date, region, masked name and total, nothing
 * more. The lookup, its throttling and its counting of wrong codes are the JSON check's own ({@link VerificationService}).
 */
@Path("/api/v1/public/certificates")
@PermitAll
public class PublicCertificatePage {
    /** Below JSON's default 1: a client that accepts anything (curl, API clients) keeps getting JSON. */
    static final String HTML = "text/html;qs=0.5;charset=UTF-8";
    static final String PAGE = "text/html;charset=UTF-8";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    VerificationService verification;
    @Context
    HttpServerRequest request;

    @GET
    @Path("/{number}")
    @Produces(HTML)
    @Operation(hidden = true) // the same operation as the JSON one, for browsers
    public Response page(@PathParam("number") String number, @QueryParam("code") String code) {
        try {
            return html(200, render(verification.byCode(number, code, client(request))));
        } catch (ProblemException e) {
            int status = e.problem().status();
            return html(status, status == 429 ? tooMany() : unknown(number));
        }
    }

    /** Who is asking, as the throttles count clients. */
    static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
    }

    static Response html(int status, String page) {
        return Response.status(status).type(PAGE).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Referrer-Policy", "no-referrer").entity(page).build();
    }

    static String render(PublicCertificate c) {
        boolean revoked = "REVOKED".equals(c.status());
        String message = revoked ? "此缴费证明已作废，不能作为缴费凭据。" : "此缴费证明由 flexsi 开具，内容与记录一致。";
        return layout("缴费证明" + (revoked ? "已作废" : "有效"),
                verdictLine(revoked ? "REVOKED" : "VALID") + "<p>" + escape(message) + "</p>" + facts(c) + UPLOAD_FORM);
    }

    /** The answer to an uploaded PDF: its verdict, and the certificate's facts when the file is the one issued. */
    static String verdict(VerificationResult result) {
        String message = switch (result.result()) {
            case VALID -> "此文件就是开具的缴费证明，电子签章完好。";
            case REVOKED -> "此文件是开具的缴费证明，但证明已作废，不能作为缴费凭据。";
            case MODIFIED -> "此文件与开具的缴费证明" + (result.certificateNumber() == null ? "" : "（编号 " + result.certificateNumber() + "）")
                    + "不一致，已被修改，不能作为缴费凭据。";
            case UNKNOWN -> "此文件不是本系统开具的缴费证明。";
        };
        return layout("核验结果", verdictLine(result.result().name()) + "<p>" + escape(message) + "</p>"
                + (result.certificate() == null ? "" : facts(result.certificate())) + UPLOAD_FORM);
    }

    /** An upload the check refused before any verdict: too many, too large, not a PDF. */
    static String refusedUpload(org.flexsi.platform.problem.Problem problem) {
        String message = switch (problem.status()) {
            case 429 -> "核验次数过多，请稍后再试。";
            case 413 -> "文件过大，不是缴费证明。";
            default -> "请选择缴费证明的 PDF 文件后再上传。";
        };
        return layout("无法核验", "<p class=\"verdict unknown\" id=\"verdict\">无法核验</p><p>" + escape(message) + "</p>"
                + UPLOAD_FORM);
    }

    private static final Map<String, String[]> VERDICTS = Map.of(
            "VALID", new String[] {"有效", "valid"}, "REVOKED", new String[] {"已作废", "revoked"},
            "MODIFIED", new String[] {"已被修改", "revoked"}, "UNKNOWN", new String[] {"无法核验", "unknown"});

    private static String verdictLine(String result) {
        String[] shown = VERDICTS.get(result);
        return "<p class=\"verdict " + shown[1] + "\" data-result=\"" + result + "\" id=\"verdict\">" + shown[0] + "</p>";
    }

    /** The form that sends a PDF to the same check as the API; a plain multipart post, no script. */
    private static final String UPLOAD_FORM = "<form method=\"post\" action=\"/api/v1/certificates/verify\""
            + " enctype=\"multipart/form-data\"><h2>核验证明文件</h2><p>上传收到的缴费证明 PDF 文件，核验其电子签章是否完好、"
            + "内容是否未被修改。</p><label for=\"pdf\">缴费证明 PDF 文件</label> <input type=\"file\" id=\"pdf\" name=\"pdf\""
            + " accept=\"application/pdf,.pdf\" required> <button type=\"submit\" id=\"verify-upload\">核验</button></form>";

    private static String facts(PublicCertificate c) {
        boolean revoked = "REVOKED".equals(c.status());
        StringBuilder rows = new StringBuilder();
        row(rows, "证明编号", c.certificateNumber());
        row(rows, "开具日期", date(c.issuedAt()));
        row(rows, "地区", c.region());
        row(rows, "缴费人", c.name());
        row(rows, "合计金额", yuan(c.total()) + (c.totalInCapitals() == null ? "" : "（" + c.totalInCapitals() + "）"));
        if (revoked) {
            row(rows, "作废日期", date(c.revokedAt()));
        }
        return "<dl>" + rows + "</dl>";
    }

    static String unknown(String number) {
        return layout("无法核验", verdictLine("UNKNOWN")
                + "<p>没有编号为 " + escape(number) + " 且校验码相符的缴费证明。请核对证明上的编号和校验码。</p>" + UPLOAD_FORM);
    }

    static String tooMany() {
        return layout("请稍后再试", "<p class=\"verdict unknown\" id=\"verdict\">请稍后再试</p>"
                + "<p>核验次数过多，请稍后再试。</p>");
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " · 社会保险缴费证明核验</title><style>"
                + "body{margin:0;font:17px/1.6 \"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;color:#1d2433;background:#f6f7fa}"
                + "main{max-width:36em;margin:0 auto;padding:1.2em}h1{font-size:1.3em}"
                + ".verdict{font-size:2em;font-weight:700;margin:.3em 0;padding:.3em .6em;border-radius:8px}"
                + ".valid{background:#e8f5ec;color:#1b6e3a}.revoked{background:#fdecea;color:#b3261e}.unknown{background:#eef0f5;color:#5b6475}"
                + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em;background:#fff;padding:1em;border-radius:8px}"
                + "dt{color:#5b6475}dd{margin:0}h2{font-size:1.1em;margin-top:1.5em}"
                + "form{background:#fff;padding:1em;border-radius:8px}input,button{font:inherit;margin:.3em 0}"
                + "button{padding:.3em 1.2em}</style></head><body><main><h1>社会保险缴费证明核验</h1>" + body
                + "</main></body></html>";
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value == null ? "" : value)).append("</dd>");
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(CHINA));
    }

    private static String yuan(String amount) {
        if (amount == null) {
            return "";
        }
        try {
            return "¥" + Money.text(Money.parse(amount));
        } catch (ArithmeticException | NumberFormatException e) {
            return amount;
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
