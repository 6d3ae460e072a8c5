/**
 * Remix Studio's desktop application: the entry point, the composition root that wires the feature
 * view models to the engine's public API, the main window with its menus and dialogs, and the
 * light and dark themes. Features live in their own packages, each a view model and its views.
 */
package org.remixstudio.app;
