package io.herald.web.view;

/** CDI event fired, on the upstream context, each time the view differs from the previous one. */
public record ViewChanged(StatusView view) {
}
