package org.remixstudio.engine.build.sandbox;

/**
 * How a command in the sandbox ended.
 *
 * @param exitCode its exit status
 * @param log      what it wrote to standard error (maintainer script and dpkg output), for error messages
 */
public record CommandResult(int exitCode, String log) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** The last {@code lines} lines of the log. */
    public String tail(int lines) {
        String[] all = log.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
