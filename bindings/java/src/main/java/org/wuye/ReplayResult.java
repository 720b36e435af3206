package org.wuye;

/**
 * What {@link Engine#logReplay} did.
 *
 * @param applied number of events applied (all of them: replay is all or nothing)
 * @param requests number of requests the engine now holds
 */
public record ReplayResult(long applied, long requests) {}
