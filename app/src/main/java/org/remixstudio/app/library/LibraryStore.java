package org.remixstudio.app.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.app.build.BuildRecord;

/**
 * The library's SQLite database: the remixes the user saved and the builds made from them. One
 * connection per call, so the store can be used from any background thread; SQLite serialises the
 * writes. Paths are stored absolute, so a remix is the same entry whichever way it was opened.
 */
public final class LibraryStore {

    private final Path database;

    public LibraryStore(Path database) {
        this.database = database;
    }

    private Connection connect() throws SQLException {
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("cannot create the library folder " + database.getParent(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("CREATE TABLE IF NOT EXISTS remix (path TEXT PRIMARY KEY, name TEXT NOT NULL,"
                    + " updated_at INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS build (id INTEGER PRIMARY KEY, remix_path TEXT NOT NULL"
                    + " REFERENCES remix(path) ON DELETE CASCADE, finished_at INTEGER NOT NULL, spec_hash TEXT NOT NULL,"
                    + " format TEXT NOT NULL, output TEXT NOT NULL, digest TEXT NOT NULL, size INTEGER NOT NULL)");
        }
        return c;
    }

    /** Records (or refreshes) a saved remix. */
    public void saveRemix(String name, Path file, Instant at) {
        run("record the remix " + file, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO remix(path, name, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT(path) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at")) {
                p.setString(1, key(file));
                p.setString(2, name);
                p.setLong(3, at.toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Records a build of a saved remix (builds of unsaved remixes have no entry to belong to). */
    public void saveBuild(BuildRecord build) {
        if (build.specFile() == null) {
            return;
        }
        saveRemix(build.remixName(), build.specFile(), build.finishedAt());
        run("record the build of " + build.specFile(), c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO build(remix_path, finished_at, spec_hash, format,"
                    + " output, digest, size) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, key(build.specFile()));
                p.setLong(2, build.finishedAt().toEpochMilli());
                p.setString(3, build.specHash());
                p.setString(4, build.format());
                p.setString(5, build.output().toAbsolutePath().toString());
                p.setString(6, build.digest());
                p.setLong(7, build.size());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Every remix, most recently saved first, with its builds, newest first. */
    public List<LibraryEntry> list() {
        return run("read the library", c -> {
            Map<String, LibraryEntry> remixes = new LinkedHashMap<>();
            Map<String, List<LibraryEntry.Build>> builds = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT path, name, updated_at FROM remix ORDER BY updated_at DESC, path")) {
                while (r.next()) {
                    remixes.put(r.getString(1), new LibraryEntry(r.getString(2), Path.of(r.getString(1)),
                            Instant.ofEpochMilli(r.getLong(3)), List.of()));
                    builds.put(r.getString(1), new ArrayList<>());
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT remix_path, finished_at, spec_hash, format, output, digest, size"
                         + " FROM build ORDER BY finished_at DESC, id DESC")) {
                while (r.next()) {
                    builds.get(r.getString(1)).add(new LibraryEntry.Build(Instant.ofEpochMilli(r.getLong(2)),
                            r.getString(3), r.getString(4), Path.of(r.getString(5)), r.getString(6), r.getLong(7)));
                }
            }
            List<LibraryEntry> out = new ArrayList<>();
            remixes.forEach((k, e) -> out.add(new LibraryEntry(e.name(), e.file(), e.updatedAt(), builds.get(k))));
            return out;
        });
    }

    /** Forgets a remix and its builds (the files are the caller's business). */
    public void delete(Path file) {
        run("delete " + file + " from the library", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM remix WHERE path = ?")) {
                p.setString(1, key(file));
                p.executeUpdate();
            }
            return null;
        });
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + what + " in the library " + database + ": " + e.getMessage()
                    + ". Check that the folder is writable; delete the file to start an empty library.", e);
        }
    }
}
