package org.remixstudio.app.catalog;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.remixstudio.app.controls.DragFormats;
import org.remixstudio.app.controls.FrameBudget;
import org.remixstudio.app.controls.LazyTooltip;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.engine.api.PackageLicenseInfo;

/**
 * A catalog row: name and version, description, size, license badge; the row can be dragged. Its
 * graphic (a dozen styled nodes) is built the first time the cell shows a row, within the list's
 * {@link FrameBudget}: when a first search fills the list, the cells beyond the frame's allowance show
 * the package name alone for a frame or two and get their full graphic in the next frames.
 */
final class CatalogRowCell extends ListCell<CatalogRow> {

    private final FrameBudget budget;
    private Label name;
    private Label version;
    private Label description;
    private Label size;
    private Label license;
    private Label installedMark;
    private VBox box;
    private String licenseTip = "License: not known yet";

    CatalogRowCell(FrameBudget budget) {
        this.budget = budget;
        // Rows take the list's width rather than their text's: long descriptions and versions are
        // cut with an ellipsis instead of widening the list, so size and license stay in view.
        setPrefWidth(0);
        setOnDragDetected(e -> {
            if (getItem() == null) {
                return;
            }
            Dragboard db = startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.put(DragFormats.PACKAGE, getItem().name());
            content.putString(getItem().name());
            db.setContent(content);
            e.consume();
        });
    }

    private void build() {
        name = new Label();
        version = new Label();
        description = new Label();
        size = new Label();
        license = new Label("…");
        installedMark = new Label("●");
        name.getStyleClass().add("row-name");
        version.getStyleClass().add("row-version");
        description.getStyleClass().add("row-description");
        size.getStyleClass().add("row-size");
        license.getStyleClass().addAll("license-badge", "license-pending");
        // tooltips made on first hover: a list shows some twenty cells, each with two
        LazyTooltip.install(license, () -> licenseTip);
        installedMark.getStyleClass().add("installed-mark");
        LazyTooltip.install(installedMark, () -> "In this remix");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, installedMark, name, version, spacer, size, license);
        top.setAlignment(Pos.BASELINE_LEFT);
        box = new VBox(2, top, description);
        box.getStyleClass().add("catalog-row");
        box.setMinWidth(0);
        top.setMinWidth(0);
        description.setMinWidth(0);
        version.setMinWidth(0);
        size.setMinWidth(Region.USE_PREF_SIZE);
        license.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(CatalogRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            // the graphic stays, hidden: taken out and put back, its dozen nodes would be styled
            // from scratch (JavaFX re-applies CSS to a subtree that rejoins the scene), which for a
            // list of twenty cells emptied and refilled by the next search cost 30-90 ms
            if (box != null) {
                box.setVisible(false);
            } else {
                setGraphic(null);
            }
            setAccessibleText(null);
            return;
        }
        if (box == null && !budget.take()) {
            setText(row.name());
            setGraphic(null);
            setAccessibleText(row.name());
            budget.later(this, this::catchUp);
            return;
        }
        show(row);
    }

    /** In a later frame: the full graphic for the row shown now, if any. */
    private void catchUp() {
        if (!isEmpty() && getItem() != null) {
            show(getItem());
        }
    }

    private void show(CatalogRow row) {
        if (box == null) {
            build();
        }
        name.setText(row.name());
        version.setText(row.version());
        description.setText(row.description());
        size.setText(SizeText.kib(row.installedSize()));
        showLicense(row.license());
        installedMark.setVisible(row.installed());
        installedMark.setManaged(row.installed());
        setText(null);
        setGraphic(box);
        box.setVisible(true);
        setAccessibleText(row.name() + " " + row.version() + ", " + size.getText()
                + (row.installed() ? ", in this remix" : "")
                + (row.license() == null ? "" : ", license " + row.license().spdx()) + ". " + row.description());
    }

    /** The badge: category colour and SPDX id once known, "…" until then; never a guess. */
    private void showLicense(PackageLicenseInfo l) {
        if (l == null) {
            license.setText("…");
            category("license-pending");
            licenseTip = "License: not known yet";
            return;
        }
        boolean unknown = l.howFound().equals("unknown");
        license.setText(unknown ? "unknown" : shortId(l.spdx()));
        category("license-" + l.category());
        licenseTip = l.spdx() + " (" + l.category() + ", " + l.howFound() + ")"
                + (l.reason().isEmpty() ? "" : "\n" + l.reason());
    }

    /**
     * Gives the badge its category's style class. A style class change restyles the badge from scratch,
     * so a cell that shows a row of the same category again (most updates) leaves it alone.
     */
    private void category(String style) {
        if (!license.getStyleClass().contains(style)) {
            license.getStyleClass().removeIf(c -> c.startsWith("license-") && !c.equals("license-badge"));
            license.getStyleClass().add(style);
        }
    }

    private static String shortId(String spdx) {
        return spdx.length() > 28 ? spdx.substring(0, 27) + "…" : spdx;
    }
}
