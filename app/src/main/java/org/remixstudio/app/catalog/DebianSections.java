package org.remixstudio.app.catalog;

import java.util.List;

/**
 * The archive sections a package can be filed under (Debian Policy §2.4, "Sections"), for the
 * catalog's section filter. Sections of the non-main areas carry a prefix ({@code contrib/net});
 * the filter compares the part after the slash.
 */
final class DebianSections {

    static final List<String> ALL = List.of("admin", "cli-mono", "comm", "database", "debug", "devel", "doc",
            "editors", "education", "electronics", "embedded", "fonts", "games", "gnome", "gnu-r", "gnustep",
            "golang", "graphics", "hamradio", "haskell", "httpd", "interpreters", "introspection", "java",
            "javascript", "kde", "kernel", "libdevel", "libs", "lisp", "localization", "mail", "math",
            "metapackages", "misc", "net", "news", "ocaml", "oldlibs", "otherosfs", "perl", "php", "python",
            "ruby", "rust", "science", "shells", "sound", "tasks", "tex", "text", "utils", "vcs", "video", "web",
            "x11", "xfce", "zope");

    private DebianSections() {
    }

    /** The section without its area prefix. */
    static String plain(String section) {
        int slash = section.indexOf('/');
        return slash < 0 ? section : section.substring(slash + 1);
    }
}
