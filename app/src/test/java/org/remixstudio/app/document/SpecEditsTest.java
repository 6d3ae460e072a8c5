package org.remixstudio.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

class SpecEditsTest {

    private final RemixSpec spec = RemixSpec.of("r", "bookworm", List.of(
            new LayerSpec("web", List.of(PackageRef.of("nginx")), List.of()),
            new LayerSpec("tools", List.of(PackageRef.of("curl")), List.of("nano"))));

    @Test
    void addPackage_appendsToTheLayer_orUndoesItsRemoval() {
        assertThat(SpecEdits.addPackage(spec, "web", "jq").layers().get(0).add())
                .containsExactly(PackageRef.of("nginx"), PackageRef.of("jq"));
        RemixSpec back = SpecEdits.addPackage(spec, "tools", "nano");
        assertThat(back.layers().get(1).remove()).isEmpty();
        assertThat(back.layers().get(1).add()).containsExactly(PackageRef.of("curl"));
        assertThatThrownBy(() -> SpecEdits.addPackage(spec, "web", "nginx")).hasMessageContaining("already in layer 'web'");
    }

    @Test
    void removePackage_dropsAnAskedForPackage_orPurgesOneFromBelow() {
        assertThat(SpecEdits.removePackage(spec, "web", "nginx").layers().get(0).add()).isEmpty();
        assertThat(SpecEdits.removePackage(spec, "tools", "nginx").layers().get(1).remove())
                .containsExactly("nano", "nginx");
    }

    @Test
    void layers_addRenameMoveMergeDelete() {
        RemixSpec added = SpecEdits.addLayer(spec, SpecEdits.freshLayerName(spec));
        assertThat(added.layers()).extracting(LayerSpec::name).containsExactly("web", "tools", "layer-3");
        assertThat(SpecEdits.renameLayer(spec, "web", "www").layers().get(0).name()).isEqualTo("www");
        assertThatThrownBy(() -> SpecEdits.renameLayer(spec, "web", "tools")).hasMessageContaining("exists already");
        assertThatThrownBy(() -> SpecEdits.renameLayer(spec, "web", "Bad Name")).hasMessageContaining("lower-case");
        assertThat(SpecEdits.moveLayer(spec, "tools", 0).layers()).extracting(LayerSpec::name)
                .containsExactly("tools", "web");
        RemixSpec merged = SpecEdits.mergeDown(spec, "tools");
        assertThat(merged.layers()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("web");
            assertThat(l.add()).containsExactly(PackageRef.of("nginx"), PackageRef.of("curl"));
            assertThat(l.remove()).containsExactly("nano");
        });
        assertThatThrownBy(() -> SpecEdits.mergeDown(spec, "web")).hasMessageContaining("lowest layer");
        assertThat(SpecEdits.deleteLayer(spec, "web").layers()).extracting(LayerSpec::name).containsExactly("tools");
    }

    @Test
    void mergeDown_upperRemovalWinsOverLowerAdd() {
        RemixSpec s = RemixSpec.of("r", "bookworm", List.of(new LayerSpec("a", List.of(PackageRef.of("vim")), List.of()),
                new LayerSpec("b", List.of(), List.of("vim"))));
        LayerSpec merged = SpecEdits.mergeDown(s, "b").layers().get(0);
        assertThat(merged.add()).isEmpty();
        assertThat(merged.remove()).containsExactly("vim");
    }
}
