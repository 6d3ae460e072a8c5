/**
 * The catalog pane and the package details pane: loading the packages of the remix's sources with
 * visible progress, searching them as the user types with section and "installed" filters, and
 * showing one package's fields, why the remix installs it and what needs it.
 */
package org.remixstudio.app.catalog;
