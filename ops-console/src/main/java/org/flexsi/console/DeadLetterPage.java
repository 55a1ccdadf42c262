package org.flexsi.console;

import static org.flexsi.console.Backend.body;
import static org.flexsi.console.Backend.segment;
import static org.flexsi.console.Views.data;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Each service's dead letters (the records its consumers parked on {@code <topic>.dlq}), with replay after a fix and
 * park with a note: the service's own ops API does the work and keeps the record of who did what.
 */
@Path("/dead-letters")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class DeadLetterPage {
    static final List<String> STATES = List.of("OPEN", "REPLAYED", "PARKED", "ALL");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9.-]{1,120}");

    private final Backend backend;
    private final Current current;
    private final Views views;
    private final Texts texts;

    public DeadLetterPage(Backend backend, Current current, Views views, Texts texts) {
        this.backend = backend;
        this.current = current;
        this.views = views;
        this.texts = texts;
    }

    @GET
    public Response list(@QueryParam("service") String service, @QueryParam("state") String state) {
        current.requireSignedIn();
        String shown = service != null && OverviewPage.SERVICES.contains(service) ? service : OverviewPage.SERVICES.get(0);
        String shownState = state != null && STATES.contains(state) ? state : "OPEN";
        Backend.Answer letters = backend.get(shown, "/api/v1/ops/dead-letters?state=" + shownState);
        return views.page("dead-letters", data("service", shown, "services", OverviewPage.SERVICES, "state", shownState,
                "states", STATES, "letters", letters.list(null), "error", letters.ok() ? null : letters.summary()));
    }

    @POST
    @Path("{service}/{topic}/{partition}/{offset}/replay")
    public Response replay(@PathParam("service") String service, @PathParam("topic") String topic,
            @PathParam("partition") int partition, @PathParam("offset") long offset, @FormParam("csrf") String csrf) {
        current.requireForm(csrf);
        backend.act(known(service), path(topic, partition, offset) + "/replay", null, null);
        return views.seeOther("/dead-letters?service=" + segment(service), texts.of(current.session(), "replayed_ok"));
    }

    @POST
    @Path("{service}/{topic}/{partition}/{offset}/park")
    public Response park(@PathParam("service") String service, @PathParam("topic") String topic,
            @PathParam("partition") int partition, @PathParam("offset") long offset, @FormParam("csrf") String csrf,
            @FormParam("note") String note) {
        current.requireForm(csrf);
        backend.act(known(service), path(topic, partition, offset) + "/park", body("note", note), null);
        return views.seeOther("/dead-letters?service=" + segment(service), texts.of(current.session(), "parked_ok"));
    }

    private static String known(String service) {
        if (service == null || !OverviewPage.SERVICES.contains(service)) {
            throw new NotFoundException();
        }
        return service;
    }

    private static String path(String topic, int partition, long offset) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new NotFoundException();
        }
        return "/api/v1/ops/dead-letters/" + segment(topic) + "/" + partition + "/" + offset;
    }
}
