package org.remixstudio.engine.license;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.remixstudio.engine.api.EngineException;

/**
 * The license results of source packages, kept in SQLite ({@code licenses.sqlite} in the engine's
 * data directory, normally {@code $XDG_DATA_HOME/remix-studio}) so that each source version's copyright
 * file is read once ever. Rows carry the version of the reading code ({@link #READER_VERSION}); rows of
 * an older reader count as missing, so improving the parser re-reads what it would read differently.
 * Several processes may share the file: write-ahead logging lets readers run beside a writer, and a
 * busy timeout makes a writer wait for another instead of failing. One connection per store, used by
 * one thread at a time.
 */
public final class LicenseStore implements AutoCloseable {

    /** Bump when reading or parsing changes what a copyright file yields. */
    public static final int READER_VERSION = 1;
    public static final String FILE_NAME = "licenses.sqlite";

    private final Path file;
    private final Connection db;
    private final SpdxExpressionParser expressions;
    private final PreparedStatement select;
    private final PreparedStatement upsert;

    private LicenseStore(Path file, Connection db, SpdxExpressionParser expressions) throws SQLException {
        this.file = file;
        this.db = db;
        this.expressions = expressions;
        this.select = db.prepareStatement("SELECT spdx, licenses, evidence, reason, copyright_from, similar FROM source_license"
                + " WHERE source = ? AND version = ? AND reader = " + READER_VERSION);
        this.upsert = db.prepareStatement("INSERT OR REPLACE INTO source_license (source, version, reader, spdx,"
                + " licenses, evidence, reason, copyright_from, similar) VALUES (?, ?, " + READER_VERSION
                + ", ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}.
     *
     * @throws EngineException naming the file when it cannot be opened
     */
    public static LicenseStore open(Path dataDir, SpdxLicenseList list) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS source_license ("
                        + " source TEXT NOT NULL, version TEXT NOT NULL, reader INTEGER NOT NULL,"
                        + " spdx TEXT, licenses TEXT NOT NULL, evidence TEXT NOT NULL, reason TEXT NOT NULL,"
                        + " copyright_from TEXT NOT NULL, similar TEXT NOT NULL, PRIMARY KEY (source, version))");
            }
            return new LicenseStore(file, db, new SpdxExpressionParser(list));
        } catch (IOException | SQLException e) {
            throw new EngineException("Cannot open the license store " + file + ": " + e.getMessage()
                    + ". Check the directory's permissions, or delete the file to start afresh.", e);
        }
    }

    public Path file() {
        return file;
    }

    /** The stored results among {@code keys}; keys without a current row are absent. */
    public synchronized Map<SourceKey, SourceLicense> find(Collection<SourceKey> keys) {
        Map<SourceKey, SourceLicense> out = new LinkedHashMap<>();
        try {
            for (SourceKey key : keys) {
                if (out.containsKey(key)) {
                    continue;
                }
                select.setString(1, key.source());
                select.setString(2, key.version());
                try (ResultSet r = select.executeQuery()) {
                    if (r.next()) {
                        out.put(key, row(key, r));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return out;
    }

    public Optional<SourceLicense> find(SourceKey key) {
        return Optional.ofNullable(find(List.of(key)).get(key));
    }

    /** Stores (or replaces) one result. */
    public synchronized void put(SourceLicense license) {
        try {
            upsert.setString(1, license.key().source());
            upsert.setString(2, license.key().version());
            upsert.setString(3, license.main().map(SpdxExpression::render).orElse(null));
            upsert.setString(4, String.join("\n", license.licenses()));
            upsert.setString(5, license.evidence().name());
            upsert.setString(6, license.reason());
            upsert.setString(7, license.copyrightFrom());
            StringBuilder similar = new StringBuilder();
            license.similar().forEach((ref, id) -> similar.append(ref).append('=').append(id).append('\n'));
            upsert.setString(8, similar.toString());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private SourceLicense row(SourceKey key, ResultSet r) throws SQLException {
        String spdx = r.getString(1);
        String ids = r.getString(2);
        Optional<SpdxExpression> main;
        try {
            main = spdx == null ? Optional.empty() : Optional.of(expressions.parse(spdx));
        } catch (IllegalArgumentException e) {
            main = Optional.of(new SpdxExpression.License(LicenseRefs.of(spdx)));
        }
        SortedMap<String, String> similar = new TreeMap<>();
        for (String line : r.getString(6).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                similar.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new SourceLicense(key, main, new TreeSet<>(ids.isEmpty() ? List.of()
                : Arrays.asList(ids.split("\n"))), Evidence.valueOf(r.getString(3)), r.getString(4), r.getString(5),
                similar);
    }

    private EngineException failure(String what, SQLException e) {
        return new EngineException("Cannot " + what + " the license store " + file + ": " + e.getMessage()
                + ". If another remix process holds it for long, wait for it; if the file is damaged, delete it"
                + " (it only caches what copyright files say).", e);
    }

    @Override
    public synchronized void close() {
        try {
            select.close();
            upsert.close();
            db.close();
        } catch (SQLException e) {
            // closing a read cache: nothing is lost
        }
    }
}
