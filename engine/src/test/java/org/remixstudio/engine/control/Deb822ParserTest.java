package org.remixstudio.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Deb822ParserTest {

    private static List<Paragraph> parse(String text) throws IOException {
        return new Deb822Parser("test.sources").parseAll(new StringReader(text));
    }

    @Test
    void parse_twoParagraphs_keepsFieldsInOrderWithTheirLineNumbers() throws IOException {
        List<Paragraph> ps = parse("Package: bash\nVersion: 5.2.15-2+b2\n\nPackage: dash\nVersion: 0.5.12-2\n");

        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).fields()).containsExactly(
                java.util.Map.entry("Package", "bash"), java.util.Map.entry("Version", "5.2.15-2+b2"));
        assertThat(ps.get(0).line()).isEqualTo(1);
        assertThat(ps.get(1).get("Package")).contains("dash");
        assertThat(ps.get(1).line()).isEqualTo(4);
    }

    @Test
    void parse_valueWithoutSpaceAfterColon_andSurroundingBlanks_isStripped() throws IOException {
        Paragraph p = parse("A:x\nB:   spaced  \t\nC:\n").get(0);

        assertThat(p.get("A")).contains("x");
        assertThat(p.get("B")).contains("spaced");
        assertThat(p.get("C")).contains("");
    }

    @Test
    void parse_valueKeepsLaterColons() throws IOException {
        assertThat(parse("URIs: http://example.invalid:8080/debian\n").get(0).get("URIs"))
                .contains("http://example.invalid:8080/debian");
    }

    @Test
    void parse_continuationLines_areJoinedWithNewlinesWithoutTheirFirstSpace() throws IOException {
        Paragraph p = parse("""
                Description: short line
                 first long line
                 .
                   indented line
                \tline after a tab
                Next: value
                """).get(0);

        assertThat(p.get("Description"))
                .contains("short line\nfirst long line\n.\n  indented line\nline after a tab");
        assertThat(p.get("Next")).contains("value");
    }

    @Test
    void parse_multilineFieldWithEmptyFirstLine_startsWithNewline() throws IOException {
        Paragraph p = parse("SHA256:\n abc 12 main/Release\n def 34 main/Packages\n").get(0);

        assertThat(p.get("SHA256")).contains("\nabc 12 main/Release\ndef 34 main/Packages");
    }

    @Test
    void parse_commentLines_areIgnoredBetweenAndInsideParagraphs() throws IOException {
        List<Paragraph> ps = parse("""
                # leading comment
                Types: deb
                # URIs: http://disabled.invalid/
                URIs: http://example.invalid/debian
                Suites: bookworm
                 bookworm-updates
                # comment between continuation lines
                 bookworm-backports

                # a disabled paragraph
                #Types: deb-src
                """);

        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).fields()).containsOnlyKeys("Types", "URIs", "Suites");
        assertThat(ps.get(0).get("Suites")).contains("bookworm\nbookworm-updates\nbookworm-backports");
        assertThat(ps.get(0).line()).isEqualTo(2);
    }

    @Test
    void parse_severalBlankAndWhitespaceOnlyLines_separateParagraphsAndProduceNoEmptyOnes() throws IOException {
        List<Paragraph> ps = parse("\n\n  \nA: 1\n \t \n\n\nA: 2\n\n\n");

        assertThat(ps).extracting(p -> p.get("A").orElseThrow()).containsExactly("1", "2");
        assertThat(ps).extracting(Paragraph::line).containsExactly(4, 8);
    }

    @Test
    void parse_withoutTrailingNewline_stillReturnsTheLastParagraph() throws IOException {
        assertThat(parse("A: 1\n\nB: 2\n continued")).hasSize(2)
                .last().satisfies(p -> assertThat(p.get("B")).contains("2\ncontinued"));
    }

    @Test
    void parse_crlfLineEnds_areTheSameAsLf() throws IOException {
        String lf = "Package: a\nDescription: x\n more\n .\n\nPackage: b\n";
        List<Paragraph> withCrlf = parse(lf.replace("\n", "\r\n"));

        assertThat(withCrlf).isEqualTo(parse(lf));
        assertThat(withCrlf.get(0).get("Description")).contains("x\nmore\n.");
    }

    @Test
    void parse_byteOrderMark_atStartIsIgnored() throws IOException {
        assertThat(parse("\uFEFFTypes: deb\n").get(0).get("Types")).contains("deb");
    }

    @Test
    void parse_emptyInput_givesNoParagraphs() throws IOException {
        assertThat(parse("")).isEmpty();
        assertThat(parse("# only a comment\n\n")).isEmpty();
    }

    @Test
    void parse_streamsEachParagraphToTheSinkInOrder() throws IOException {
        List<String> seen = new ArrayList<>();
        new Deb822Parser("x").parse(new StringReader("A: 1\n\nA: 2\n\nA: 3\n"),
                p -> seen.add(p.get("A").orElseThrow()));

        assertThat(seen).containsExactly("1", "2", "3");
    }

    @Test
    void parse_continuationLineAtStart_failsNamingOriginAndLine() {
        assertThatThrownBy(() -> parse("# comment\n continuation\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessage("test.sources, line 2: continuation line without a field before it");
    }

    @Test
    void parse_continuationLineAfterBlankLine_fails() {
        assertThatThrownBy(() -> parse("A: 1\n\n continuation\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessageStartingWith("test.sources, line 3: ");
    }

    @Test
    void parse_lineWithoutColon_failsQuotingTheLine() {
        assertThatThrownBy(() -> parse("A: 1\nnot a field\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessage("test.sources, line 2: expected 'Field: value' but found 'not a field'");
    }

    @Test
    void parse_lineStartingWithColon_fails() {
        assertThatThrownBy(() -> parse(": value\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessageStartingWith("test.sources, line 1: expected 'Field: value'");
    }

    @Test
    void parse_veryLongBadLine_isAbbreviatedInTheMessage() {
        String bad = "x".repeat(500);
        assertThatThrownBy(() -> parse(bad + "\n"))
                .hasMessageContaining("x".repeat(60) + "…'")
                .hasMessageNotContaining("x".repeat(61));
    }

    @Test
    void parse_duplicateFieldInParagraph_failsNamingBothLines() {
        assertThatThrownBy(() -> parse("\nPackage: a\nVersion: 1\npackage: b\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessage("test.sources, line 4: field 'package' appears twice in the paragraph starting at line 2");
    }

    @Test
    void parse_sameFieldInDifferentParagraphs_isFine() throws IOException {
        assertThat(parse("A: 1\n\nA: 2\n")).hasSize(2);
    }

    @Test
    void parse_fieldNameWithSpace_fails() {
        assertThatThrownBy(() -> parse("Bad Name: x\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessage("test.sources, line 1: field name 'Bad Name' contains a space or a non-ASCII character");
    }

    @Test
    void parse_fieldNameStartingWithHyphen_fails() {
        assertThatThrownBy(() -> parse("-Name: x\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessage("test.sources, line 1: field name '-Name' starts with '-'");
    }
}
