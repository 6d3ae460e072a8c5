package org.remixstudio.app.document;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.spec.ContainerConfigSpec;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.SourcesSpec;

/**
 * The New remix dialog: name, sources (the system's, or a deb822 entry typed in), suite,
 * architecture and base variant. Returns the spec with one empty layer to fill.
 */
public final class NewRemixDialog {

    private NewRemixDialog() {
    }

    public static Optional<RemixSpec> show(Window owner, RemixSpec current) {
        Dialog<RemixSpec> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New remix");
        dialog.setHeaderText("A new remix: choose where its packages come from and its base");
        TextField name = new TextField("my-remix");
        name.setAccessibleText("Remix name");
        ToggleGroup group = new ToggleGroup();
        RadioButton system = new RadioButton("This system's apt sources");
        RadioButton custom = new RadioButton("A source entry (deb822):");
        system.setToggleGroup(group);
        custom.setToggleGroup(group);
        system.setSelected(true);
        TextArea entry = new TextArea("Types: deb\nURIs: \nSuites: \nComponents: main\nSigned-By: /usr/share/keyrings/");
        entry.setPrefRowCount(5);
        entry.disableProperty().bind(custom.selectedProperty().not());
        entry.setAccessibleText("Source entry in deb822 format");
        TextField suite = new TextField(current == null ? "" : current.suite());
        suite.setAccessibleText("Suite");
        ComboBox<String> arch = new ComboBox<>();
        arch.getItems().addAll(List.of("amd64", "arm64", "armhf", "i386", "ppc64el", "riscv64", "s390x"));
        arch.setEditable(true);
        arch.setValue(current == null ? RemixSpec.DEFAULT_ARCHITECTURE : current.architecture());
        ComboBox<BaseVariant> variant = new ComboBox<>();
        variant.getItems().addAll(BaseVariant.values());
        variant.setValue(BaseVariant.MINBASE);
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Sources"), system);
        grid.add(custom, 1, 2);
        grid.add(entry, 1, 3);
        grid.addRow(4, new Label("Suite"), suite);
        grid.addRow(5, new Label("Architecture"), arch);
        grid.addRow(6, new Label("Base variant"), variant);
        grid.add(problem, 1, 7);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                dialog.setResult(build(name, system.isSelected(), entry.getText(), suite, arch, variant));
            } catch (RuntimeException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? dialog.getResult() : null);
        return dialog.showAndWait();
    }

    private static RemixSpec build(TextField name, boolean system, String entry, TextField suite,
                                   ComboBox<String> arch, ComboBox<BaseVariant> variant) {
        SourcesSpec sources = system ? SourcesSpec.SYSTEM : SourcesSpec.explicit(Deb822Entry.parse(entry));
        String s = suite.getText().strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Give the suite to build from, e.g. bookworm");
        }
        RemixSpec spec = new RemixSpec(RemixSpec.CURRENT_VERSION, name.getText().strip(), "", sources, s,
                arch.getValue().strip(), variant.getValue(), false, List.of(new LayerSpec("apps", List.of(), List.of())),
                Customizations.NONE, ContainerConfigSpec.NONE, java.util.OptionalLong.empty());
        return new org.remixstudio.engine.spec.RemixSpecReader().validate(spec);
    }
}
