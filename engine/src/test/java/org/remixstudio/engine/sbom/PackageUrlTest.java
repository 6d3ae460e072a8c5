package org.remixstudio.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageUrlTest {

    @Test
    void deb_plainPackage_matchesThePurlSpecExample() {
        assertThat(PackageUrl.deb("curl", "7.50.3-1", "i386", "jessie"))
                .isEqualTo("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie");
    }

    @Test
    void deb_plusSignsAreEncoded_epochColonIsKept() {
        assertThat(PackageUrl.deb("libstdc++6", "1:12.2.0-14+deb12u1", "amd64", "debian-12"))
                .isEqualTo("pkg:deb/debian/libstdc%2B%2B6@1:12.2.0-14%2Bdeb12u1?arch=amd64&distro=debian-12");
    }

    @Test
    void deb_tildeStaysAndNameIsLowerCased() {
        assertThat(PackageUrl.deb("Foo", "2.0~rc1-1", "all", "debian-sid"))
                .isEqualTo("pkg:deb/debian/foo@2.0~rc1-1?arch=all&distro=debian-sid");
    }

    @Test
    void deb_withoutDistro_hasOnlyTheArchQualifier() {
        assertThat(PackageUrl.deb("bash", "5.2.15-2+b7", "amd64", "")).isEqualTo("pkg:deb/debian/bash@5.2.15-2%2Bb7?arch=amd64");
    }

    @Test
    void deb_qualifierValuesArePercentEncoded() {
        assertThat(PackageUrl.deb("a", "1", "amd64", "debian-my suite/x")).endsWith("&distro=debian-my%20suite%2Fx");
    }

    @Test
    void distro_prefersTheReleaseVersion_elseTheSuite() {
        assertThat(ImageSbomAssembler.distro("12.8", "bookworm")).isEqualTo("debian-12");
        assertThat(ImageSbomAssembler.distro("13", "trixie")).isEqualTo("debian-13");
        assertThat(ImageSbomAssembler.distro(null, "sid")).isEqualTo("debian-sid");
        assertThat(ImageSbomAssembler.distro(" ", "unstable")).isEqualTo("debian-unstable");
    }
}
