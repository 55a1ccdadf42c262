package org.flexsi.simulators.http;

@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
