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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.flexsi.platform.problem.ProblemException;

/**
 * The page a certificate's QR code opens in a phone's browser: the same URL as the JSON check
 * ({@link PublicCertificateResource}), chosen by the Accept header. A browser asks for text/html first and gets
 * this Chinese page: valid, revoked or unknown, with the number, date, region, masked name and total, nothing
 * more. The lookup, its throttling and its counting of wrong codes are the JSON check's own ({@link Verification}).
 */
@Path("/api/v1/public/certificates")
@PermitAll
public class PublicCertificatePage {
    /** Below JSON's default 1: a client that accepts anything (curl, API clients) keeps getting JSON. */
    static final String HTML = "text/html;qs=0.5;charset=UTF-8";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    Verification verification;
    @Context
    HttpServerRequest request;

    @GET
    @Path("/{number}")
    @Produces(HTML)
    @Operation(hidden = true) // the same operation as the JSON one, for browsers
    public Response page(@PathParam("number") String number, @QueryParam("code") String code) {
        String client = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
        try {
            return html(200, render(verification.byCode(number, code, client)));
        } catch (ProblemException e) {
            int status = e.problem().status();
            return html(status, status == 429 ? tooMany() : unknown(number));
        }
    }

    private static Response html(int status, String page) {
        return Response.status(status).type("text/html;charset=UTF-8").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Referrer-Policy", "no-referrer").entity(page).build();
    }

    static String render(PublicCertificate c) {
        boolean revoked = "REVOKED".equals(c.status());
        String verdict = revoked ? "已作废" : "有效";
        String css = revoked ? "revoked" : "valid";
        StringBuilder rows = new StringBuilder();
        row(rows, "证明编号", c.certificateNumber());
        row(rows, "开具日期", date(c.issuedAt()));
        row(rows, "地区", c.region());
        row(rows, "缴费人", c.name());
        row(rows, "合计金额", yuan(c.total()) + (c.totalInCapitals() == null ? "" : "（" + c.totalInCapitals() + "）"));
        if (revoked) {
            row(rows, "作废日期", date(c.revokedAt()));
        }
        String message = revoked ? "此缴费证明已作废，不能作为缴费凭据。" : "此缴费证明由 flexsi 开具，内容与记录一致。";
        return layout("缴费证明" + verdict, "<p class=\"verdict " + css + "\" id=\"verdict\">" + verdict + "</p>"
                + "<p>" + escape(message) + "</p><dl>" + rows + "</dl>");
    }

    static String unknown(String number) {
        return layout("无法核验", "<p class=\"verdict unknown\" id=\"verdict\">无法核验</p>"
                + "<p>没有编号为 " + escape(number) + " 且校验码相符的缴费证明。请核对证明上的编号和校验码。</p>");
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
                + "dt{color:#5b6475}dd{margin:0}</style></head><body><main><h1>社会保险缴费证明核验</h1>" + body
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
            return "¥" + new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
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
