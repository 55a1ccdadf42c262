package org.flexsi.registration;
import jakarta.ws.rs.*;
@Path("/api/v1/hello")
public class Hello { @GET public String hi() { return "hi"; } }
