package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RelationParserTest {

    private static PackageRelation one(String text) {
        return RelationParser.parseOne(text, text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void parse_absentOrBlankField_isEmpty(String field) {
        assertThat(RelationParser.parse(field)).isEmpty();
    }

    @Test
    void parse_realDependsField_givesGroupsInOrder() {
        List<RelationGroup> groups = RelationParser.parse(
                "libc6 (>= 2.34), libtinfo6 (>= 6), debianutils (>= 5.6-0.1), base-files (>= 2.1.12)");

        assertThat(groups).extracting(RelationGroup::toString).containsExactly(
                "libc6 (>= 2.34)", "libtinfo6 (>= 6)", "debianutils (>= 5.6-0.1)", "base-files (>= 2.1.12)");
        PackageRelation libc = groups.get(0).alternatives().get(0);
        assertThat(libc.name()).isEqualTo("libc6");
        assertThat(libc.op()).isEqualTo(VersionOp.GE);
        assertThat(libc.version()).isEqualTo(DebVersion.parse("2.34"));
        assertThat(libc.archQualifier()).isNull();
    }

    @Test
    void parse_alternatives_areKeptInOrderWithinOneGroup() {
        List<RelationGroup> groups = RelationParser.parse(
                "fonts-dejavu-core | ttf-dejavu-core, default-mta | mail-transport-agent | exim4 (>= 4.90)");

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).alternatives()).extracting(PackageRelation::name)
                .containsExactly("fonts-dejavu-core", "ttf-dejavu-core");
        assertThat(groups.get(1).alternatives()).extracting(PackageRelation::toString)
                .containsExactly("default-mta", "mail-transport-agent", "exim4 (>= 4.90)");
    }

    @Test
    void parse_multilineFieldAsInControlFiles_isAccepted() {
        assertThat(RelationParser.parse("debhelper-compat (= 13),\nlibfoo-dev,\n\tbar | baz"))
                .extracting(RelationGroup::toString)
                .containsExactly("debhelper-compat (= 13)", "libfoo-dev", "bar | baz");
    }

    @Test
    void parse_trailingCommaAndEmptyGroups_areTolerated() {
        assertThat(RelationParser.parse("a, , b,")).extracting(RelationGroup::toString).containsExactly("a", "b");
    }

    @ParameterizedTest
    @CsvSource({
            "'foo (<< 1.0)', LT",
            "'foo (<= 1.0)', LE",
            "'foo (= 1.0)',  EQ",
            "'foo (>= 1.0)', GE",
            "'foo (>> 1.0)', GT",
            // obsolete forms of policy §7.1: '<' means '<=', '>' means '>='
            "'foo (< 1.0)',  LE",
            "'foo (> 1.0)',  GE",
            // spacing is free
            "'foo(>=1.0)',   GE",
            "'foo ( >=   1.0 )', GE",
    })
    void parseOne_everyOperator(String text, VersionOp op) {
        PackageRelation r = one(text);

        assertThat(r.name()).isEqualTo("foo");
        assertThat(r.op()).isEqualTo(op);
        assertThat(r.version()).isEqualTo(DebVersion.parse("1.0"));
        assertThat(r.isVersioned()).isTrue();
    }

    @Test
    void parseOne_versionWithEpochAndTilde() {
        PackageRelation r = one("zlib1g (>= 1:1.2.0~rc1-1)");

        assertThat(r.version().epoch()).isEqualTo(1);
        assertThat(r).hasToString("zlib1g (>= 1:1.2.0~rc1-1)");
    }

    @Test
    void parseOne_unversioned() {
        PackageRelation r = one("libx11-6");

        assertThat(r).isEqualTo(PackageRelation.unversioned("libx11-6"));
        assertThat(r.isVersioned()).isFalse();
        assertThat(r.acceptsVersion(null)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"python3:any, any", "gcc:native, native", "libc6:amd64, amd64", "libc6:i386, i386"})
    void parseOne_archQualifier(String text, String arch) {
        PackageRelation r = one(text);

        assertThat(r.name()).isEqualTo(text.substring(0, text.indexOf(':')));
        assertThat(r.archQualifier()).isEqualTo(arch);
        assertThat(r).hasToString(text);
    }

    @Test
    void parseOne_archQualifierWithVersion() {
        PackageRelation r = one("perl:any (>= 5.36.0-7)");

        assertThat(r.name()).isEqualTo("perl");
        assertThat(r.archQualifier()).isEqualTo("any");
        assertThat(r.op()).isEqualTo(VersionOp.GE);
        assertThat(r).hasToString("perl:any (>= 5.36.0-7)");
    }

    @Test
    void parse_archRestrictionsAndBuildProfiles_areSkipped() {
        List<RelationGroup> groups = RelationParser.parse(
                "libseccomp-dev [amd64 arm64] <!nocheck>, gcc-multilib [amd64] | foo (>= 1) <stage1> <!cross>,"
                        + " bar <!nocheck>, dh-sequence-python3 (>= 5) [!hurd-i386]");

        assertThat(groups).extracting(RelationGroup::toString)
                .containsExactly("libseccomp-dev", "gcc-multilib | foo (>= 1)", "bar", "dh-sequence-python3 (>= 5)");
    }

    @Test
    void parseOne_namesWithPlusDotAndDigits() {
        assertThat(one("libstdc++6 (>= 12)").name()).isEqualTo("libstdc++6");
        assertThat(one("libsdl2-2.0-0").name()).isEqualTo("libsdl2-2.0-0");
        assertThat(one("0ad-data").name()).isEqualTo("0ad-data");
    }

    @Test
    void parseOne_namesAreInterned() {
        assertThat(one(new String("libc6")).name()).isSameAs("libc6");
    }

    @Test
    void acceptsVersion_appliesTheOperator() {
        PackageRelation r = one("libc6 (>= 2.34)");

        assertThat(r.acceptsVersion(DebVersion.parse("2.36-9+deb12u10"))).isTrue();
        assertThat(r.acceptsVersion(DebVersion.parse("2.34"))).isTrue();
        assertThat(r.acceptsVersion(DebVersion.parse("2.34~rc1"))).isFalse();
        assertThat(r.acceptsVersion(null)).as("an unversioned Provides never satisfies a versioned relation")
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "foo (>= 1.0                | unclosed '(' in relation 'foo (>= 1.0' of 'foo (>= 1.0'",
            "foo (1.0)                  | missing operator (one of << <= = >= >>) in relation 'foo (1.0)' of 'foo (1.0)'",
            "foo (=> 1.0)               | unknown version operator '=>' in relation 'foo (=> 1.0)' of 'foo (=> 1.0)'",
            "foo (>=)                   | empty version string in relation 'foo (>=)' of 'foo (>=)'",
            "foo (>= 1.0_2)             | version '1.0_2' has invalid character '_' in its upstream version in relation 'foo (>= 1.0_2)' of 'foo (>= 1.0_2)'",
            "foo (>= 1.0) bar           | unexpected text after ')' in relation 'foo (>= 1.0) bar' of 'foo (>= 1.0) bar'",
            "foo bar                    | bad package name 'foo bar' in relation 'foo bar' of 'foo bar'",
            "Foo_bar                    | bad package name 'Foo_bar' in relation 'Foo_bar' of 'Foo_bar'",
            "-foo                       | bad package name '-foo' in relation '-foo' of '-foo'",
            "foo:                       | bad architecture qualifier '' in relation 'foo:' of 'foo:'",
            "foo:any:amd64              | bad architecture qualifier 'any:amd64' in relation 'foo:any:amd64' of 'foo:any:amd64'",
            "(>= 1.0)                   | bad package name '' in relation '(>= 1.0)' of '(>= 1.0)'",
    })
    void parseOne_malformed_failsNamingRelationAndField(String text, String message) {
        assertThatThrownBy(() -> one(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void parse_emptyAlternative_failsNamingTheField() {
        assertThatThrownBy(() -> RelationParser.parse("a, b |"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty package name (stray ',' or '|'?) in relation '' of 'a, b |'");
        assertThatThrownBy(() -> RelationParser.parse("a | | c"))
                .hasMessageStartingWith("empty package name");
    }

    @Test
    void relationGroup_withoutAlternatives_isRejected() {
        assertThatThrownBy(() -> new RelationGroup(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
