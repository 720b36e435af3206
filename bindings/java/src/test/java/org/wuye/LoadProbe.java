package org.wuye;

/** Run in a fresh JVM by {@link LibraryLoadingTest}: loads libwuye and prints what happened. */
public final class LoadProbe {
    private LoadProbe() {}

    public static void main(String[] args) {
        try {
            Wuye.load();
            try (Engine e = Engine.standard()) {
                System.out.println("LOADED " + Wuye.libraryPath() + " working=" + e.calendarIsWorkingDay(java.time.LocalDate.of(2026, 10, 10)));
            }
        } catch (UnsatisfiedLinkError x) {
            System.out.println("REFUSED " + x.getMessage());
        }
    }
}
