package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/** A TCP connect to host:port. */
public record TcpOptions(String host, int port) implements CheckOptions {
}
