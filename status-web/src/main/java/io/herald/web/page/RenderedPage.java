package io.herald.web.page;

/** A page rendered once, served many times. */
record RenderedPage(byte[] html, String etag) {
}
