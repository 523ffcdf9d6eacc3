package io.apistage.git;

import java.time.Instant;

/**
 * Who makes a commit and when.
 *
 * @param name the person's or CI job's name
 * @param email the email
 * @param when the time of the commit
 * @since 0.1.0
 */
public record Identity(String name, String email, Instant when) {}
