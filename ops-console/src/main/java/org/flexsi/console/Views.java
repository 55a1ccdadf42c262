package org.flexsi.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a page in the session's language, with the session (operator, CSRF token) at hand as {@code s}. */
@ApplicationScoped
public class Views {
    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final Engine engine;
    private final Current current;

    public Views(Engine engine, Current current) {
        this.engine = engine;
        this.current = current;
    }

    public Response page(String template, int status, Map<String, Object> data) {
        Session session = current.session();
        TemplateInstance page = engine.getTemplate(template).instance();
        data.forEach(page::data);
        page.data("s", session);
        page.data("page", template);
        page.setLocale(session == null ? Sessions.DEFAULT_LOCALE : session.locale);
        return Response.status(status).type(HTML).entity(page.render()).build();
    }

    public Response page(String template, Map<String, Object> data) {
        return page(template, 200, data);
    }

    /** After an action: 303 to the page that shows its result (a reload does not repeat it). */
    public Response seeOther(String path, String notice) {
        if (notice != null && current.session() != null) {
            current.session().notice = notice;
        }
        return Response.seeOther(URI.create(path)).build();
    }

    /** name, value, name, value ...; null values kept (a template tests them with {#if}). */
    public static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }
}
