package io.apistage.release;

/**
 * What the {@code release} goal is asked to check.
 *
 * @param tag the release tag ({@code apistage.tag}), or null to take the tag on {@code HEAD} or the
 *     CI's tag
 * @since 0.1.0
 */
public record ReleaseRequest(String tag) {}
