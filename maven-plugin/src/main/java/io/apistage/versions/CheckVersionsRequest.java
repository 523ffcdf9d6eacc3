package io.apistage.versions;

/**
 * The parameters of check-versions.
 *
 * @param base the revision to compare with ({@code apistage.base}), or null for the merge base of
 *     {@code HEAD} with the main branch
 * @since 0.1.0
 */
public record CheckVersionsRequest(String base) {}
