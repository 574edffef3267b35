using Certa.Domain.Registry;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Model;
using Certa.Requirements.Profiles;

namespace Certa.Requirements.Tests.Golden;

/// <summary>
/// Real product profiles (data/requirements/products.yaml, with their defaults unless a change is
/// named) evaluated on <see cref="RealData.Today"/> (2026-11-27) against the real data/. The
/// expectations are written out here, each citing where the fact comes from.
/// </summary>
public class GoldenProfileTests
{
    private static readonly Dictionary<string, ProfileInput> Profiles = new(StringComparer.Ordinal)
    {
        ["laptop"] = Profile.Of("laptop"),
        ["laptop + cellular"] = Profile.Of("laptop").WithSet("radio", "wifi_2g4", "wifi_5g", "bluetooth", "cellular").With("public_telecom", true),
        ["laptop - radio"] = Profile.Of("laptop").WithSet("radio"),
        ["laptop @ GCC"] = Profile.Of("laptop").In("GCC"),
        ["mobile-phone"] = Profile.Of("mobile-phone"),
        ["television"] = Profile.Of("television"),
        ["wifi-router"] = Profile.Of("wifi-router"),
        ["led-luminaire"] = Profile.Of("led-luminaire"),
        ["electric-drill"] = Profile.Of("electric-drill"),
        ["electric-toy @ CN+GCC"] = Profile.Of("electric-toy").In("CN", "GCC"),
        ["refrigerator @ CN+GCC"] = Profile.Of("refrigerator").In("CN", "GCC"),
        ["car-tyre"] = Profile.Of("car-tyre"),
        ["child-car-seat @ CN+GCC"] = Profile.Of("child-car-seat").In("CN", "GCC"),
        ["smoke-detector"] = Profile.Of("smoke-detector"),
        ["pos-terminal"] = Profile.Of("pos-terminal"),
        ["power-bank"] = Profile.Of("power-bank"),
        ["li-ion-battery-pack"] = Profile.Of("li-ion-battery-pack"),
        ["rack-server + critical"] = Profile.Of("rack-server").With("critical_network_equipment", true),
        ["passenger-car"] = Profile.Of("passenger-car"),
    };

    /// <summary>Every requirement each profile needs (rule ids of data/requirements/rules.yaml); every other rule is ruled out.</summary>
    public static TheoryData<string, string> Needed => new()
    {
        // profile                     requirements needed
        { "laptop",                    "cn-ccc cn-ccc-adapter cn-ccc-battery cn-rohs cn-rohs-catalogue cn-energy-label cn-srrc" },
        { "laptop + cellular",         "cn-ccc cn-ccc-adapter cn-ccc-battery cn-rohs cn-rohs-catalogue cn-energy-label cn-srrc cn-nal" },
        { "laptop - radio",            "cn-ccc cn-ccc-adapter cn-ccc-battery cn-rohs cn-rohs-catalogue cn-energy-label" },
        { "laptop @ GCC",              "gcc-gmark-lv-list1" },
        { "mobile-phone",              "cn-ccc cn-ccc-adapter cn-ccc-battery cn-rohs cn-rohs-catalogue cn-srrc cn-nal" },
        { "television",                "cn-ccc cn-rohs cn-rohs-catalogue cn-srrc" },
        { "wifi-router",               "cn-ccc-adapter cn-rohs cn-srrc cn-nal cqc-mark" },
        { "led-luminaire",             "cn-ccc cn-rohs" },
        { "electric-drill",            "cn-ccc cn-rohs" },
        { "electric-toy @ CN+GCC",     "cn-ccc cn-rohs gcc-gmark-toys" },
        { "refrigerator @ CN+GCC",     "cn-ccc cn-rohs cn-rohs-catalogue cn-energy-label gcc-gmark-lv-list2" },
        { "car-tyre",                  "cn-ccc" },
        { "child-car-seat @ CN+GCC",   "cn-ccc" },
        { "smoke-detector",            "cn-ccc cn-rohs" },
        { "pos-terminal",              "cn-ccc-adapter cn-ccc-battery cn-rohs cn-srrc cn-nal cn-commercial-crypto cqc-mark" },
        { "power-bank",                "cn-ccc cn-ccc-battery cn-rohs" },
        { "li-ion-battery-pack",       "cn-ccc cn-rohs" },
        { "rack-server + critical",    "cn-ccc cn-rohs cn-energy-label cn-cnecsp" },
        { "passenger-car",             "cn-ccc cn-srrc cn-nal cn-auto-announcement" },
    };

    /// <summary>The catalogue entry, implementation rule and standard editions of each profile's CCC requirement on 2026-11-27.</summary>
    public static TheoryData<string, string, string, SchemeMode, string> CccEntries => new()
    {
        // profile (cn-ccc)            entry (products.yaml)     rule (catalogue-2023.yaml)  mode                             editions in force on 2026-11-27 (ccc/standards.yaml)
        { "laptop",                    "ccc.0902",               "CNCA-C09-01:2023",         SchemeMode.Certification,   "GB 4943.1-2022 | GB/T 9254.1-2021 | GB 17625.1-2022" },
        { "mobile-phone",              "ccc.1606",               "CNCA-C09-01:2023",         SchemeMode.Certification,   "GB 4943.1-2022 | YD/T 2583.18-2019" },
        { "television",                "ccc.0808",               "CNCA-C09-01:2023",         SchemeMode.Certification,   "GB 4943.1-2022 | GB/T 9254.1-2021 | GB 17625.1-2022" },
        { "led-luminaire",             "ccc.1001",               "CNCA-C10-01:2014",         SchemeMode.Certification,   "GB 7000.1-2015 | GB/T 17743-2021 | GB 17625.1-2022" },
        { "electric-drill",            "ccc.0501",               "CNCA-00C-008:2019",        SchemeMode.SelfDeclaration, "GB/T 3883.1-2014 | GB 4343.1-2018 | GB 17625.1-2022" },
        { "electric-toy @ CN+GCC",     "ccc.2202",               "CNCA-C22-02:2020",         SchemeMode.Certification,   "GB 6675.1-2014 | GB 6675.2-2014 | GB 6675.3-2014 | GB 6675.4-2014 | GB 19865-2005" },
        { "refrigerator @ CN+GCC",     "ccc.0701",               "CNCA-C07-01:2024",         SchemeMode.Certification,   "GB 4706.1-2005 | GB 4706.13-2014 | GB 4343.1-2018 | GB 17625.1-2022" },
        { "car-tyre",                  "ccc.1201+1202+1203",     "CNCA-C12-01:2014",         SchemeMode.Certification,   "GB 9743-2015 | GB 9744-2015 | GB 518-2007" },
        { "child-car-seat @ CN+GCC",   "ccc.2207",               "CNCA-C22-03:2014",         SchemeMode.Certification,   "GB 27887-2011" },
        { "smoke-detector",            "ccc.1801",               "CNCA-C18-01:2024",         SchemeMode.Certification,   "GB 4717-2005 | GB 4715-2005" },
        { "power-bank",                "ccc.0914",               "CNCA-C09-02:2025",         SchemeMode.Certification,   "GB 4943.1-2022 | GB 31241-2022" },
        { "li-ion-battery-pack",       "ccc.0915",               "CNCA-C09-02:2025",         SchemeMode.Certification,   "GB 31241-2022" },
        { "rack-server + critical",    "ccc.0911",               "CNCA-C09-01:2023",         SchemeMode.Certification,   "GB 4943.1-2022 | GB/T 9254.1-2021 | GB 17625.1-2022" },
        { "passenger-car",             "ccc.1101",               "CNCA-C11-01:2014",         SchemeMode.Certification,   "GB 7258-2017" },
    };

    [Theory]
    [MemberData(nameof(Needed))]
    public void Profile_NeedsExactlyTheseRequirements(string profile, string needed)
    {
        var answer = Evaluate(profile);

        answer.Requirements.Select(r => r.Id).ShouldBe(Ids(needed), ignoreOrder: true);
        answer.RuledOut.Select(r => r.Id).ShouldBe(RealData.Knowledge.Definitions.Rules.Select(r => r.Id).Except(Ids(needed)), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(CccEntries))]
    public void Profile_CccCitesItsCatalogueEntryRuleAndEditions(string profile, string entry, string rule, SchemeMode mode, string editions)
    {
        var ccc = Need(Evaluate(profile), "cn-ccc");

        ccc.ProductType.ShouldBe(entry);
        ccc.ImplementationRule.ShouldBe(rule);
        ccc.Mode.ShouldBe(mode);
        ccc.Standards.Select(s => s.Edition).ShouldBe(editions.Split(" | "));
    }

    [Fact]
    public void Laptop_CccIsThirdPartyCertificationWithBodiesAndLabs()
    {
        // catalogue-2023.yaml 0902: mode third_party → procedure ccc-third-party (rules.yaml cn-ccc).
        var ccc = Need(Evaluate("laptop"), "cn-ccc");

        ccc.Procedure.ShouldBe("ccc-third-party");
        ccc.Steps.Select(s => s.Id).ShouldBe(["application", "sample_shipping", "type_testing", "factory_audit", "review_and_issue"]);
        ccc.Bodies.ShouldNotBeEmpty();
        ccc.Labs.ShouldNotBeEmpty();
        ccc.Unverified.ShouldContain("catalogue entry ccc.0902");
    }

    [Fact]
    public void Laptop_AdapterAndBatteryAreCertifiedUnderTheirOwnEntries()
    {
        var answer = Evaluate("laptop");

        // rules.yaml cn-ccc-adapter: product_type ccc.0807+0907 (china-gcc-reference.md §1, SAMR Ann. 2023 No.10).
        var adapter = Need(answer, "cn-ccc-adapter");
        adapter.ProductType.ShouldBe("ccc.0807+0907");
        adapter.Standards.Select(s => s.Edition).ShouldBe(["GB 4943.1-2022", "GB/T 9254.1-2021", "GB 17625.1-2022"]);

        // rules.yaml cn-ccc-battery: product_type ccc.0915, CNCA-C09-02:2025, GB 31241-2022.
        var battery = Need(answer, "cn-ccc-battery");
        battery.ProductType.ShouldBe("ccc.0915");
        battery.ImplementationRule.ShouldBe("CNCA-C09-02:2025");
        battery.Standards.Select(s => s.Edition).ShouldBe(["GB 31241-2022"]);
    }

    [Fact]
    public void Laptop_EnergyLabelIsAFilingUnderCel030()
    {
        // cn-other/energy-label.yaml product 3 (notebooks): rule CEL-030, standard GB 28380.
        var label = Need(Evaluate("laptop"), "cn-energy-label");

        label.ProductType.ShouldBe("cn-energy-label.2025-3");
        label.ImplementationRule.ShouldBe("CEL-030");
        label.Mode.ShouldBe(SchemeMode.LabelFiling);
        label.Standards.ShouldHaveSingleItem().Edition.ShouldBe("GB 28380-2025");
    }

    [Theory]
    // cn-other/energy-label.yaml: GB 28380-2025 in force 2026-02-01, replaces GB 28380-2012.
    [InlineData("2026-01-31", "GB 28380-2012", "GB 28380-2025", "2026-02-01")]
    [InlineData("2026-02-01", "GB 28380-2025", null, null)]
    [InlineData("2026-11-27", "GB 28380-2025", null, null)]
    public void Laptop_EnergyLabelEdition_DependsOnTheDate(string date, string edition, string? next, string? nextInForce)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var standard = Need(RealData.Evaluate(Profiles["laptop"], on), "cn-energy-label").Standards.ShouldHaveSingleItem();

        standard.Family.ShouldBe("GB 28380");
        standard.Edition.ShouldBe(edition);
        standard.NextEdition.ShouldBe(next);
        standard.NextInForce.ShouldBe(nextInForce is null ? null : DateOnly.Parse(nextInForce, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Laptop_TheDayBeforeGb28380_2025_AnnouncesIt()
    {
        var answer = RealData.Evaluate(Profiles["laptop"], new DateOnly(2026, 1, 31));

        answer.Upcoming.ShouldContain(u => u.Date == new DateOnly(2026, 2, 1) && u.Kind == UpcomingKind.StandardEdition
            && u.Scheme == "cn-energy-label" && u.What.En.StartsWith("GB 28380-2025 replaces GB 28380-2012", StringComparison.Ordinal));
    }

    [Fact]
    public void Laptop_AnnouncesGb26572_2025ForChinaRohs()
    {
        // cn-other/rohs.yaml: GB 26572-2025 in force 2027-08-01, replaces GB/T 26572-2011; within 24 months of 2026-11-27.
        var answer = Evaluate("laptop");

        var change = answer.Upcoming.ShouldHaveSingleItem();
        change.Date.ShouldBe(new DateOnly(2027, 8, 1));
        change.Kind.ShouldBe(UpcomingKind.StandardEdition);
        change.Scheme.ShouldBe("cn-rohs");
        change.What.En.ShouldBe("GB 26572-2025 replaces GB/T 26572-2011 for China RoHS");
    }

    [Fact]
    public void Laptop_RohsCatalogueStartsWhenTheMarkingIsDone()
    {
        // rules.yaml cn-rohs-catalogue: after [cn-rohs]; procedures.yaml cn-rohs-marking takes 8–37 days.
        var answer = Evaluate("laptop");

        var rohs = answer.Plan.Items.Single(i => i.Requirement == "cn-rohs");
        var catalogue = answer.Plan.Items.Single(i => i.Requirement == "cn-rohs-catalogue");
        catalogue.After.ShouldBe(["cn-rohs"]);
        catalogue.Wave.ShouldBe(1);
        (catalogue.StartMinDay, catalogue.StartMaxDay).ShouldBe((rohs.EndMinDay, rohs.EndMaxDay));
        (rohs.EndMinDay, rohs.EndMaxDay).ShouldBe((8, 37));
        // procedures.yaml ccc-third-party: 5–7 + max(7–30 + 14–28, 2–3) + 14–21 = 40–86 days, the longest.
        (answer.Plan.TotalMinDays, answer.Plan.TotalMaxDays).ShouldBe((40, 86));
    }

    [Fact]
    public void WifiLaptop_RulesOutNal_BecauseItHasNoCellularModule()
    {
        // rules.yaml cn-nal: not_needed names the Wi-Fi-only laptop; S4 laptop example.
        var nal = Evaluate("laptop").RuledOut.Single(r => r.Id == "cn-nal");

        nal.Reason.En.ShouldContain("cellular");
        nal.Failed.Select(a => (a.Text, a.Result)).ShouldBe([("public_telecom", false), ("radio has \"cellular\"", false)]);
    }

    [Fact]
    public void CellularLaptop_NeedsNal_AfterSrrc()
    {
        // rules.yaml cn-nal: after [cn-srrc] (the SRRC certificate is a NAL document, srrc_certificate_copy).
        var answer = Evaluate("laptop + cellular");

        var nal = Need(answer, "cn-nal");
        nal.Mode.ShouldBe(SchemeMode.Licence);
        nal.Documents.Select(d => d.Id).ShouldContain("srrc_certificate_copy");
        nal.Matched.Select(a => a.Text).ShouldBe(["markets has \"CN\"", "public_telecom"]);
        // rules.yaml cn-nal is verified: false (NAL for laptops with WWAN is an open item).
        nal.Verified.ShouldBeFalse();
        nal.Unverified.ShouldContain("rule cn-nal");

        var srrc = answer.Plan.Items.Single(i => i.Requirement == "cn-srrc");
        var licence = answer.Plan.Items.Single(i => i.Requirement == "cn-nal");
        licence.After.ShouldBe(["cn-srrc"]);
        licence.Wave.ShouldBe(srrc.Wave + 1);
        (licence.StartMinDay, licence.StartMaxDay).ShouldBe((srrc.EndMinDay, srrc.EndMaxDay));
        // procedures.yaml: cn-srrc-type-approval 11–86 then cn-nal-licence 36–40.
        (answer.Plan.TotalMinDays, answer.Plan.TotalMaxDays).ShouldBe((47, 126));
    }

    [Fact]
    public void LaptopWithoutRadio_NeedsNoSrrc()
    {
        var srrc = Evaluate("laptop - radio").RuledOut.Single(r => r.Id == "cn-srrc");

        srrc.Reason.En.ShouldBe("The product has no radio transmitter.");
        srrc.Failed.ShouldHaveSingleItem().Actual.ShouldBe("radio is []");
    }

    [Fact]
    public void LaptopForGccOnly_TakesTheGmarkList1Route()
    {
        // rules.yaml gcc-gmark-lv-list1: LV (50–1000 V AC) outside List 2 → BD-142004-01 self-declaration; the laptop
        // is in no G-mark List 2 group (products.yaml entries) and its adapter is rated 240 V.
        var answer = Evaluate("laptop @ GCC");

        answer.Profile.Markets.ShouldBe(["SA", "AE", "KW", "QA", "BH", "OM"]);
        var list1 = answer.Requirements.ShouldHaveSingleItem();
        list1.Id.ShouldBe("gcc-gmark-lv-list1");
        list1.Scheme.ShouldBe("gcc-gmark");
        list1.Mode.ShouldBe(SchemeMode.SelfDeclaration);
        list1.Procedure.ShouldBe("gmark-list1-sdoc");
        list1.Matched.Select(a => a.Text).ShouldContain("rated_voltage_ac >= 50");
        // List 1 scope is unverified (rules.yaml gcc-gmark-lv-list1 verified: false).
        list1.Unverified.ShouldContain("rule gcc-gmark-lv-list1");
        answer.RuledOut.Single(r => r.Id == "gcc-gmark-lv-list2").Failed.ShouldHaveSingleItem().Text.ShouldBe("catalogues has \"gcc-gmark\"");
    }

    [Fact]
    public void MobilePhone_NeedsNal_BecauseItConnectsToThePublicNetwork()
    {
        // products.yaml mobile-phone: public_telecom true, radio includes cellular (reference §2: NAL for mobile phones).
        var nal = Need(Evaluate("mobile-phone"), "cn-nal");

        nal.Matched.Select(a => a.Text).ShouldBe(["markets has \"CN\"", "public_telecom"]);
        Need(Evaluate("mobile-phone"), "cn-rohs-catalogue").ProductType.ShouldBe("cn-rohs.2018-11");
    }

    [Fact]
    public void Television_HasNoEnergyLabel_BecauseTheExtractListsNoTv()
    {
        // products.yaml television note: energy-label.yaml has no TV entry yet, so none is listed.
        var label = Evaluate("television").RuledOut.Single(r => r.Id == "cn-energy-label");

        label.Failed.ShouldHaveSingleItem().Text.ShouldBe("catalogues has \"cn-energy-label\"");
    }

    [Fact]
    public void WifiRouter_OutsideTheCccCatalogue_GetsTheVoluntaryCqcMarkAndAdapterCcc()
    {
        // products.yaml wifi-router: entries [] ("routers are not listed in the 2023 catalogue records, but the adapter is").
        var answer = Evaluate("wifi-router");

        answer.RuledOut.Single(r => r.Id == "cn-ccc").Failed.ShouldHaveSingleItem().Text.ShouldBe("catalogues has \"ccc\"");
        Need(answer, "cn-ccc-adapter").ProductType.ShouldBe("ccc.0807+0907");
        // rules.yaml cqc-mark: markets has "CN" and eep and not (catalogues has "ccc").
        var cqc = Need(answer, "cqc-mark");
        cqc.Mode.ShouldBe(SchemeMode.Certification);
        cqc.Matched.Select(a => a.Text).ShouldBe(["markets has \"CN\"", "eep", "not (catalogues has \"ccc\")"]);
    }

    [Fact]
    public void ElectricDrill_IsSelfDeclaredCcc_UnderTheSdocProcedure()
    {
        // catalogue-2023.yaml 0501: mode sdoc_a, rule CNCA-00C-008:2019; rules.yaml cn-ccc: procedure_self_declared ccc-sdoc.
        var ccc = Need(Evaluate("electric-drill"), "cn-ccc");

        ccc.Mode.ShouldBe(SchemeMode.SelfDeclaration);
        ccc.Procedure.ShouldBe("ccc-sdoc");
        ccc.Steps.Select(s => s.Id).ShouldBe(["type_test", "self_declaration", "filing"]);
        // procedures.yaml ccc-sdoc: 14–28 + 1–3 + 1–7 days.
        (ccc.MinDays, ccc.MaxDays).ShouldBe((16, 38));
    }

    /// <summary>
    /// rules.yaml cn-ccc note: "a self-declaration needs the type test report and the declaration instead
    /// (documents type_test_report, sdoc_declaration)". The advisor lists the third-party documents
    /// (factory questionnaire, CoP control plan…) for every catalogue mode.
    /// </summary>
    [Fact]
    public void ElectricDrill_SelfDeclaredCcc_AsksForTheTypeTestReportAndDeclaration_NotAFactoryAudit()
    {
        var documents = Need(Evaluate("electric-drill"), "cn-ccc").Documents.Select(d => d.Id).ToList();

        documents.ShouldContain("type_test_report");
        documents.ShouldContain("sdoc_declaration");
        documents.ShouldNotContain("factory_questionnaire");
    }

    /// <summary>
    /// rules.yaml cn-rohs note and cn-other/rohs.yaml: GB 26572-2025 (mandatory from 2027-08-01) covers every EEP,
    /// "Category II = other EEP (marking only)". A drill sold in China on 2026-11-27 is such an EEP, so the
    /// change is within the 24-month look-ahead; today only products in the RoHS catalogue are told.
    /// </summary>
    [Fact]
    public void ElectricDrill_RohsMarking_AnnouncesGb26572_2025()
    {
        var answer = Evaluate("electric-drill");

        answer.Upcoming.ShouldContain(u => u.Date == new DateOnly(2027, 8, 1) && u.Scheme == "cn-rohs"
            && u.What.En.StartsWith("GB 26572-2025", StringComparison.Ordinal));
    }

    [Fact]
    public void ElectricToy_NeedsCccCategory14InChina_AndTheToysRegulationInTheGcc()
    {
        var answer = Evaluate("electric-toy @ CN+GCC");

        // catalogue-2023.yaml category 14 "Children's products", product 2202 electric toys.
        RealData.Knowledge.ProductTypes[Need(answer, "cn-ccc").ProductType!].CategoryNo.ShouldBe(14);
        // rules.yaml gcc-gmark-toys; gcc/gmark.yaml TOY-01 under BD-131704-01 (IEC 62115 for electric toys).
        var toys = Need(answer, "gcc-gmark-toys");
        toys.ProductType.ShouldBe("gcc-gmark.TOY-01");
        toys.ImplementationRule.ShouldBe("BD-131704-01");
        toys.Mode.ShouldBe(SchemeMode.TypeApproval);
        toys.Procedure.ShouldBe("gmark-toys");
        toys.Standards.Select(s => s.Edition).ShouldContain("IEC 62115:2017");
        // "not children_under_14 keeps toys out of" List 2; a battery toy has no mains rating for List 1.
        answer.RuledOut.Single(r => r.Id == "gcc-gmark-lv-list2").Failed.ShouldHaveSingleItem().Text.ShouldBe("not children_under_14");
        answer.RuledOut.Single(r => r.Id == "gcc-gmark-lv-list1").Failed.ShouldHaveSingleItem().Text.ShouldBe("rated_voltage_ac >= 50");
    }

    [Fact]
    public void Refrigerator_IsInGmarkList2_AndInTheEnergyAndRohsCatalogues()
    {
        var answer = Evaluate("refrigerator @ CN+GCC");

        // gcc/gmark.yaml LV-02 (List 2 group 2) under BD-142004-01: notified-body type examination.
        var list2 = Need(answer, "gcc-gmark-lv-list2");
        list2.ProductType.ShouldBe("gcc-gmark.LV-02");
        list2.ImplementationRule.ShouldBe("BD-142004-01");
        list2.Mode.ShouldBe(SchemeMode.TypeApproval);
        list2.Procedure.ShouldBe("gmark-list2-nb");
        answer.RuledOut.Single(r => r.Id == "gcc-gmark-lv-list1").Failed.ShouldHaveSingleItem().Text.ShouldBe("not (catalogues has \"gcc-gmark\")");
        // cn-other/energy-label.yaml refrigerators: GB 12021.2; cn-other/rohs.yaml product 1: refrigerators.
        var label = Need(answer, "cn-energy-label");
        label.ProductType.ShouldBe("cn-energy-label.2025-6");
        label.Standards.Select(s => s.Edition).ShouldBe(["GB 12021.2-2015"]);
        Need(answer, "cn-rohs-catalogue").ProductType.ShouldBe("cn-rohs.2018-1");
    }

    [Fact]
    public void CarTyre_IsAVehiclePart_NeedingCccOnly()
    {
        var answer = Evaluate("car-tyre");

        // rules.yaml cn-auto-announcement: only complete vehicles; products.yaml car-tyre: vehicle_part, eep false.
        answer.RuledOut.Single(r => r.Id == "cn-auto-announcement").Failed.ShouldHaveSingleItem()
            .ShouldBe(new Certa.Requirements.Conditions.AtomOutcome("vehicle = \"vehicle\"", false, "vehicle is \"vehicle_part\""));
        answer.RuledOut.Single(r => r.Id == "cn-rohs").Failed.ShouldHaveSingleItem().Text.ShouldBe("eep");
    }

    [Fact]
    public void ChildCarSeat_IsNotAToy_SoTheGccToysRegulationDoesNotApply()
    {
        // products.yaml child-car-seat note: children_under_14 false on purpose (a child restraint is not a toy).
        var answer = Evaluate("child-car-seat @ CN+GCC");

        answer.RuledOut.Single(r => r.Id == "gcc-gmark-toys").Failed.ShouldHaveSingleItem().Text.ShouldBe("children_under_14");
    }

    [Fact]
    public void PosTerminal_NeedsCommercialCryptoAndNal()
    {
        // products.yaml pos-terminal: commercial_crypto true, public_telecom true, no CCC entry.
        var answer = Evaluate("pos-terminal");

        var crypto = Need(answer, "cn-commercial-crypto");
        crypto.Mode.ShouldBe(SchemeMode.Certification);
        crypto.Procedure.ShouldBe("cn-commercial-crypto");
        answer.Plan.Items.Single(i => i.Requirement == "cn-nal").After.ShouldBe(["cn-srrc"]);
    }

    [Fact]
    public void PowerBank_NeedsItsOwnCcc_AndCccForTheCellsInside()
    {
        // products.yaml power-bank note: lithium_battery true also brings in 0915 for the cells (rule cn-ccc-battery).
        var answer = Evaluate("power-bank");

        Need(answer, "cn-ccc").ProductType.ShouldBe("ccc.0914");
        Need(answer, "cn-ccc-battery").ProductType.ShouldBe("ccc.0915");
    }

    [Fact]
    public void LiIonBatteryPack_IsNotAskedForCcc0915Twice()
    {
        // rules.yaml cn-ccc-battery: product != "li-ion-battery-pack" (the pack is certified under its own entry).
        var battery = Evaluate("li-ion-battery-pack").RuledOut.Single(r => r.Id == "cn-ccc-battery");

        battery.Failed.ShouldHaveSingleItem().ShouldBe(
            new Certa.Requirements.Conditions.AtomOutcome("product != \"li-ion-battery-pack\"", false, "product is \"li-ion-battery-pack\""));
    }

    [Fact]
    public void CriticalRackServer_NeedsCybersecuritySecurityCertification()
    {
        // rules.yaml cn-cnecsp: critical network equipment (2023 catalogue: rack servers ≥ 8 CPUs), reference §5b.
        var answer = Evaluate("rack-server + critical");

        var cnecsp = Need(answer, "cn-cnecsp");
        cnecsp.Mode.ShouldBe(SchemeMode.Certification);
        cnecsp.Procedure.ShouldBe("cn-cnecsp");
        cnecsp.Matched.Select(a => a.Text).ShouldBe(["markets has \"CN\"", "critical_network_equipment"]);
        Need(answer, "cn-energy-label").ProductType.ShouldBe("cn-energy-label.2025-5");
    }

    [Fact]
    public void RackServer_ByDefault_IsNotCriticalNetworkEquipment()
    {
        // products.yaml rack-server: the default is a typical 1–2 socket server.
        RealData.Evaluate(Profile.Of("rack-server")).Requirements.Select(r => r.Id).ShouldNotContain("cn-cnecsp");
    }

    [Fact]
    public void PassengerCar_NeedsTheMiitAnnouncement_BesidesCcc()
    {
        // rules.yaml cn-auto-announcement (S4 car example); products.yaml passenger-car: telematics → SRRC and NAL.
        var answer = Evaluate("passenger-car");

        var announcement = Need(answer, "cn-auto-announcement");
        announcement.Mode.ShouldBe(SchemeMode.Announcement);
        announcement.Matched.Select(a => a.Text).ShouldBe(["markets has \"CN\"", "vehicle = \"vehicle\""]);
        Need(answer, "cn-nal").Matched.Select(a => a.Text).ShouldBe(["markets has \"CN\"", "radio has \"cellular\""]);
        // procedures.yaml cn-auto-announcement: 30–90 + 1–7 + 20–45 days, longer than CCC and SRRC → NAL.
        (answer.Plan.TotalMinDays, answer.Plan.TotalMaxDays).ShouldBe((51, 142));
    }

    private static Answer Evaluate(string profile) => RealData.Evaluate(Profiles[profile]);

    private static RequirementAnswer Need(Answer answer, string id) =>
        answer.Requirements.SingleOrDefault(r => r.Id == id)
        ?? throw new ShouldAssertException($"'{id}' is not needed; needed: {string.Join(", ", answer.Requirements.Select(r => r.Id))}");

    private static string[] Ids(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
