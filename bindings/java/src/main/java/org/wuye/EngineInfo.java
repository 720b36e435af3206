package org.wuye;

import java.util.List;

/**
 * What {@link Engine#engineInfo()} reports.
 *
 * @param contractVersion the contract version the library speaks (1)
 * @param libraryVersion the library's version, e.g. {@code 0.1.0}
 * @param requests number of requests the engine holds
 * @param operations every operation name of the contract
 */
public record EngineInfo(int contractVersion, String libraryVersion, long requests, List<String> operations) {
    /** Freezes {@code operations}. */
    public EngineInfo {
        operations = List.copyOf(operations);
    }
}
