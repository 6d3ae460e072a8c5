package org.remixstudio.app;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.remixstudio.app.catalog.CatalogRow;
import org.remixstudio.app.controls.LicenseStripe;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.app.controls.StackLayer;
import org.remixstudio.app.document.SpecEdits;
import org.remixstudio.app.layers.LayerItem;
import org.remixstudio.engine.api.PackageLicenseInfo;
import org.remixstudio.engine.api.PlannedPackage;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.spec.ContainerConfigSpec;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.SourcesSpec;

/**
 * Runs once, on a background thread while the catalog loads, the plain-Java code that the FX thread's
 * first slices run when the remix opens and is first edited: the first use of a record's
 * {@code equals}, {@code hashCode} and {@code toString}, of string concatenation and of
 * {@code String.format} makes the JVM load classes and spin and link method handles for several
 * milliseconds each (measured: 9 ms for the first spec key, 7 ms for a spec's first hash), once per JVM.
 * Paid here, that time no longer lands in the FX thread's first slices. Nothing here touches a scene or
 * a view model.
 */
final class StudioWarmup implements Runnable {

    @Override
    public void run() {
        RemixSpec spec = new RemixSpec(RemixSpec.CURRENT_VERSION, "warm-up", "", SourcesSpec.SYSTEM, "stable", "amd64",
                BaseVariant.MINBASE, false, List.of(new LayerSpec("apps", List.of(), List.of())), Customizations.NONE,
                ContainerConfigSpec.NONE, OptionalLong.empty());
        RemixSpec edited = SpecEdits.removePackage(SpecEdits.addPackage(spec, "apps", "warm-up"), "apps", "warm-up");
        PlannedPackage p = new PlannedPackage("warm-up", "1.0", "amd64", "warm-up", "1.0", "apps", 1, 1, true, "requested");
        PackageLicenseInfo license = new PackageLicenseInfo("warm-up", "1.0", "amd64", "apps", "warm-up", "1.0", "MIT",
                "permissive", "copyright file", List.of("MIT"), "", false);
        LayerItem item = new LayerItem("apps", false, List.of(p), List.of(p), List.of(), 1, 1, 1, Map.of("permissive", 1));
        StackLayer layer = new StackLayer("apps", false, 0.5, SizeText.kib(1), "→ " + SizeText.kib(2),
                List.of(new StackLayer.Chip("warm-up", SizeText.bytes(1), "warm-up 1.0\nrequested")), "+1 dependency, 1 KiB",
                List.of(), List.of(), LicenseStripe.segments(Map.of("permissive", 1)));
        CatalogRow row = new CatalogRow("warm-up", "1.0", "utils", 1, 1, "warm-up", false, license);
        for (Object o : List.of(spec, edited, p, license, item, layer, row)) {
            // equals against a copy-like other value, hashCode and toString: each links the record's methods
            o.equals(spec);
            o.hashCode();
            o.toString();
        }
        String.join(",", SizeText.count(63_000), SizeText.delta(-1024), SizeText.delta(1024));
    }
}
