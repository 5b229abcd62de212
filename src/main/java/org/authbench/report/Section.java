package org.authbench.report;

/**
 * One section of the report: reads the run (its rows through {@link Analysis}, its manifest and other run files)
 * and adds its blocks to the document, or adds nothing when the run holds nothing it could say. A new section is a
 * new class and one entry in {@link ReportBuilder#SECTIONS}.
 */
interface Section {

    void addTo(Doc doc, ReportInput in);
}
