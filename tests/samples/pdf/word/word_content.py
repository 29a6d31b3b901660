"""The content of the Word referater built by ``build_word.py``: one Python structure per
document, from which both the .docx and its reader truth (``NAME.truth.json``, format of
``tests/samples/pages/TRUTH.md``) are written, so document and truth cannot drift apart.

The municipalities, people, addresses and cases are invented; the shapes (letterheads, header
tables, Word tables of contents, case-number lines, section and decision headings, "Afbud:"
lines, closed items, signature pages) follow the Word-made minutes among the real samples
(``pages/SOURCES.tsv``: 013 Egebjerg, 032 Odense, 041/042 Esbjerg, 075 Rebild, 077 Skive,
080 Ringsted, 087 Varde, 018/043 Vejen).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass
class Section:
    kind: str  # the truth's section kind (TRUTH.md)
    heading: str  # as the reader sees it in the document (capitals included)
    paras: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)  # after the paragraphs
    table: list[list[str]] | None = None  # a ruled Word table after the bullets
    after: list[str] = field(default_factory=list)  # paragraphs after the table


@dataclass
class Item:
    number: int
    title: str
    case_number: str | None = None
    journal_number: str | None = None
    document_number: str | None = None
    initials: str | None = None
    closed: bool = False
    sections: list[Section] = field(default_factory=list)
    absent: str | None = None  # the item's "Afbud:"/"Fraværende:" line in the decision

    @property
    def decision_start(self) -> str | None:
        """The first words of the decision of this meeting (the last decision section)."""
        decisions = [s for s in self.sections if s.kind == "decision"]
        if not decisions or not decisions[-1].paras:
            return None
        return decisions[-1].paras[0][:80]


@dataclass
class Doc:
    name: str
    municipality: str
    committee: str
    date: str  # ISO
    document_type: str
    letterhead: list[str]
    title: list[str]  # the document's title lines under the letterhead
    header: list[tuple[str, str]]  # label/value rows of the header table
    items: list[Item]
    appendix: list[str]  # unnumbered TOC entries after the items (Underskriftsside, Bilagsliste)
    signatures: list[str]  # names on the signature page
    running_header: str
    notes: str = ""
    # who the header lists, as (name, absent): what a reader expects in ``participants``
    participants: list[tuple[str, bool]] = field(default_factory=list)
    times: tuple[str, str] | None = None  # start and end time the header gives (HH:MM)
    absent_before: str | None = None  # label of an absence line between decision head and text


# --------------------------------------------------------------------------- Fjordby
# A committee referat: letterhead in the first page's header, label/value header table with a
# narrow label column ("Mødedeltage" / "re:"), Word TOC with dot leaders, "Sagsnr." and "J.nr."
# lines, sections in title case, plain "Beslutning" with an "Afbud:" line under the decision, a
# closed item, an Økonomi table, a signature page; footer "Side N af M".

FJORDBY = Doc(
    name="fjordby-teknik-og-miljoe-2023-03-14",
    municipality="Fjordby Kommune",
    committee="Teknik- og Miljøudvalget",
    date="2023-03-14",
    document_type="referat",
    letterhead=["Fjordby Kommune", "Teknik og Miljø", "Rådhustorvet 2", "4850 Fjordby",
                "Tlf. 54 73 10 00", "www.fjordby.dk"],
    title=["REFERAT", "Teknik- og Miljøudvalget"],
    header=[
        ("Mødedato:", "Tirsdag den 14. marts 2023"),
        ("Mødetidspunkt:", "Kl. 16.00 – 18.20"),
        ("Mødested:", "Mødelokale 2, Rådhuset, Fjordby"),
        ("Mødedeltagere:", "Lone Brix (A), formand, Peter Holm (V), Karen Thygesen (C), "
                           "Ahmad Nouri (F), Bente Vestergaard (A), Søren Kjær (O), "
                           "Mette Lund (V)"),
        ("Afbud:", "Peter Holm (V) fra kl. 17.30 (deltog ikke i punkt 5-8)"),
        ("Referent:", "Jesper Dahl, sekretariatschef"),
    ],
    items=[
        Item(1, "Godkendelse af dagsorden", case_number="23/1187",
             journal_number="00.01.00A00", sections=[
                 Section("decision", "Beslutning", ["Dagsordenen blev godkendt."]),
             ]),
        Item(2, "Meddelelser fra formanden og direktøren", case_number="23/1188",
             journal_number="00.01.00I00", sections=[
                 Section("presentation", "Sagsfremstilling", [
                     "Formanden og direktøren orienterer om aktuelle sager på udvalgets "
                     "område, herunder:"],
                     bullets=["Status på vinterberedskabet 2022/23",
                              "Henvendelse fra Grundejerforeningen Strandparken om "
                              "kystbeskyttelse",
                              "Tidsplan for den kommende trafiksikkerhedsplan"]),
                 Section("recommendation", "Indstilling", [
                     "Teknik og Miljø indstiller, at orienteringen tages til efterretning."]),
                 Section("decision", "Beslutning", [
                     "Orienteringen blev taget til efterretning. Udvalget ønsker en "
                     "temadrøftelse om kystbeskyttelse på mødet i juni."]),
             ]),
        Item(3, "Trafiksikkerhedsplan 2023-2027 - udsendelse i høring", case_number="22/9043",
             journal_number="05.13.00P15", sections=[
                 Section("summary", "Resumé", [
                     "Forslag til trafiksikkerhedsplan for 2023-2027 er udarbejdet på "
                     "baggrund af uheldsstatistikken og de henvendelser, kommunen har fået fra "
                     "borgere og skoler. Udvalget skal beslutte, om forslaget kan sendes i "
                     "offentlig høring i seks uger."]),
                 Section("presentation", "Sagsfremstilling", [
                     "Den gældende trafiksikkerhedsplan udløb ved udgangen af 2022. "
                     "Forvaltningen har i efteråret 2022 gennemgået politiets registreringer "
                     "af uheld med personskade i perioden 2017-2021 og afholdt dialogmøder "
                     "med skolebestyrelserne og lokalrådene.",
                     "Forslaget peger på 14 strækninger og kryds, hvor der foreslås fysiske "
                     "tiltag. Tiltagene er prioriteret efter antallet af uheld, "
                     "trafikmængden og antallet af bløde trafikanter, især skolebørn. De tre "
                     "højest prioriterede projekter er krydset Engvej/Skolevej, "
                     "skolevejen ved Nørre Skole og rundkørslen ved Fjordvej.",
                     "Planen indeholder desuden en kampagnedel, der gennemføres sammen med "
                     "Rådet for Sikker Trafik, og et forslag om at sænke hastigheden til "
                     "40 km/t i alle boligområder."]),
                 Section("financial", "Økonomi", [
                     "De fysiske tiltag er anslået til i alt 9,4 mio. kr. og foreslås "
                     "finansieret over anlægsrammen til trafiksikkerhed:"],
                     table=[["Beløb i 1.000 kr.", "2023", "2024", "2025", "2026-27"],
                            ["Fysiske tiltag", "1.800", "2.400", "2.600", "2.600"],
                            ["Kampagner", "150", "150", "150", "300"],
                            ["I alt", "1.950", "2.550", "2.750", "2.900"]],
                     after=["Der er afsat 2,0 mio. kr. årligt i investeringsoversigten."]),
                 Section("hearing", "Høring", [
                     "Forslaget sendes i høring hos lokalrådene, skolebestyrelserne, "
                     "Handicaprådet, Ældrerådet og Midt- og Vestsjællands Politi."]),
                 Section("recommendation", "Indstilling", [
                     "Teknik og Miljø indstiller, at"],
                     bullets=["forslag til trafiksikkerhedsplan 2023-2027 sendes i offentlig "
                              "høring i perioden 20. marts - 1. maj 2023",
                              "prioriteringen af de fysiske tiltag godkendes som grundlag for "
                              "høringen"]),
                 Section("decision", "Beslutning", [
                     "Indstillingen blev godkendt, idet udvalget ønsker Skolevej ved Nørre "
                     "Skole prioriteret først."]),
             ]),
        Item(4, "Ansøgning om tilladelse til skovrejsning på matr.nr. 12a, Vester Egede",
             case_number="23/0412", journal_number="01.05.00P19", sections=[
                 Section("presentation", "Sagsfremstilling", [
                     "Ejeren af landbrugsejendommen Vester Egede 14 har søgt om tilladelse til "
                     "at plante 6,2 ha skov. Arealet ligger i et område, hvor "
                     "kommuneplanen hverken angiver skovrejsning som ønsket eller uønsket.",
                     "Forvaltningen vurderer, at skovrejsningen vil styrke "
                     "grundvandsbeskyttelsen og ikke strider mod landskabelige interesser."]),
                 Section("legal", "Lovgrundlag", [
                     "Planlovens § 35, stk. 1, om landzonetilladelse og skovlovens regler om "
                     "fredskov."]),
                 Section("recommendation", "Indstilling", [
                     "Teknik og Miljø indstiller, at der meddeles landzonetilladelse til "
                     "skovrejsning på matr.nr. 12a, Vester Egede."]),
                 Section("decision", "Beslutning", ["Godkendt."]),
             ]),
        Item(5, "Affaldsplan 2023-2034 - endelig vedtagelse", case_number="22/6611",
             journal_number="07.00.00P15", sections=[
                 Section("presentation", "Sagsfremstilling", [
                     "Forslag til affaldsplan 2023-2034 har været i offentlig høring fra "
                     "1. december 2022 til 2. februar 2023. Der er kommet syv "
                     "høringssvar, som er samlet i et høringsnotat med forvaltningens "
                     "bemærkninger.",
                     "Høringssvarene handler især om placeringen af nye "
                     "genbrugsstationer og om indsamling af tekstilaffald. Forvaltningen "
                     "foreslår, at indsamlingen af tekstilaffald indføres fra 1. juli 2025."]),
                 Section("financial", "Økonomi", [
                     "Affaldsområdet er brugerfinansieret og hviler i sig selv. Planen "
                     "medfører en forventet stigning i renovationsgebyret på 210 kr. om året "
                     "for et parcelhus fra 2025."]),
                 Section("recommendation", "Indstilling", [
                     "Teknik og Miljø indstiller, at udvalget anbefaler over for "
                     "Økonomiudvalget og Byrådet, at affaldsplan 2023-2034 vedtages endeligt."]),
                 Section("decision", "Beslutning", [
                     "Anbefales over for Økonomiudvalget og Byrådet."]),
             ], absent="Peter Holm (V)"),
        Item(6, "Vintertjeneste - regulativ for vinterbekæmpelse 2023-2026",
             case_number="23/0977", journal_number="05.01.10G01", sections=[
                 Section("presentation", "Sagsfremstilling", [
                     "Regulativet for vinterbekæmpelse skal revideres hvert fjerde år. "
                     "Forvaltningen foreslår uændret serviceniveau på de kommunale veje og "
                     "cykelstier, dog således at stier til skoler ryddes før kl. 7.00."]),
                 Section("recommendation", "Indstilling", [
                     "Teknik og Miljø indstiller, at regulativ for vinterbekæmpelse "
                     "2023-2026 godkendes."]),
                 Section("decision", "Beslutning", ["Godkendt."]),
             ], absent="Peter Holm (V)"),
        Item(7, "Køb af areal ved Engvej", case_number="23/1020",
             journal_number="02.34.02G01", closed=True, sections=[
                 Section("decision", "Beslutning", ["Indstillingen blev godkendt."]),
             ], absent="Peter Holm (V)"),
        Item(8, "Eventuelt", case_number="23/1187", journal_number="00.01.00A00", sections=[
            Section("decision", "Beslutning", ["Intet."]),
        ], absent="Peter Holm (V)"),
    ],
    appendix=["Underskriftsside"],
    signatures=["Lone Brix", "Peter Holm", "Karen Thygesen", "Ahmad Nouri",
                "Bente Vestergaard", "Søren Kjær", "Mette Lund"],
    running_header="Teknik- og Miljøudvalget, 14. marts 2023",
    notes="Word letterhead in the first page's header; header table with narrow label column "
          "('Mødedeltage' / 're:'); Word TOC with dot leaders and page numbers; 'Sagsnr.:' and "
          "'J.nr.:' lines; item 7 closed ('Lukket punkt:'); 'Afbud:' under the decisions of "
          "items 5-8; signature page 'Underskriftsside' listed in the TOC.",
    participants=[(n, False) for n in ("Lone Brix", "Peter Holm", "Karen Thygesen",
                                       "Ahmad Nouri", "Bente Vestergaard", "Søren Kjær",
                                       "Mette Lund")],
    times=("16:00", "18:20"),
)


# --------------------------------------------------------------------------- Hedeby
# A city council referat in the older ESDH Word template: letterhead as body text, headings in
# CAPITALS, running item numbers (141-), the KLE number and case number on one line
# ("Åbent - 00.30.10S00 - 2022/08812"), stacked decisions of earlier bodies in capitals, a Word
# TOC in the "simple" style (page number right after the title, so item and page numbers run
# together once the lines are joined), "Afbud:" under each decision, a closed item with no body,
# a signature page "Underskrifter"; footer a bare page number.

def _hedeby_chain(eu: str, eu_text: str, by_text: str) -> list[Section]:
    return [
        Section("decision", f"ØKONOMIUDVALGET DEN {eu}", [eu_text]),
        Section("decision", "BESLUTNING I BYRÅDET DEN 28-11-2022", [by_text]),
    ]


HEDEBY = Doc(
    name="hedeby-byraad-2022-11-28",
    municipality="Hedeby Kommune",
    committee="Byrådet",
    date="2022-11-28",
    document_type="referat",
    letterhead=["HEDEBY KOMMUNE", "Byrådssekretariatet · Torvet 1 · 7330 Hedeby · "
                "Telefon 96 14 20 00"],
    title=["Byrådet", "REFERAT"],
    header=[
        ("Dato:", "Mandag den 28-11-2022"),
        ("Starttidspunkt:", "Kl. 19:00"),
        ("Sluttidspunkt:", "Kl. 21:35"),
        ("Mødested:", "Byrådssalen"),
        ("Mødedeltagere:", "Alle medlemmer undtagen Hans Jørgensen (A)"),
        ("Fraværende:", "Hans Jørgensen (A)"),
    ],
    items=[
        Item(141, "Godkendelse af dagsorden", case_number="2022/00126",
             journal_number="00.01.00A00", sections=[
                 Section("decision", "BESLUTNING I BYRÅDET DEN 28-11-2022",
                         ["Dagsordenen blev godkendt."]),
             ], absent="Hans Jørgensen (A)"),
        Item(142, "Budgetopfølgning pr. 30. september 2022", case_number="2022/08812",
             journal_number="00.30.10S00", sections=[
                 Section("summary", "SAGSRESUMÉ", [
                     "Budgetopfølgningen pr. 30. september 2022 viser et forventet "
                     "mindreforbrug på driften på 11,2 mio. kr. og et merforbrug på "
                     "anlæg på 3,4 mio. kr. Likviditeten forventes at udgøre 148 mio. kr. "
                     "ved årets udgang."]),
                 Section("presentation", "SAGSFREMSTILLING", [
                     "Fagudvalgene har behandlet budgetopfølgningen for egne områder i "
                     "oktober. Mindreforbruget skyldes primært færre udgifter til "
                     "forsikrede ledige og en forsinket opstart af nye botilbud på "
                     "socialområdet.",
                     "Merforbruget på anlæg skyldes prisstigninger på byggematerialer i "
                     "skolebyggeriet i Nørreby, som forventes at blive dækket af "
                     "mindreforbrug på andre anlægsprojekter i 2023."]),
                 Section("financial", "ØKONOMI", [
                     "Opfølgningen fordeler sig således på bevillingsområderne:"],
                     table=[["Mio. kr.", "Korrigeret budget", "Forventet regnskab", "Afvigelse"],
                            ["Serviceudgifter", "1.642,3", "1.633,0", "-9,3"],
                            ["Overførselsudgifter", "611,8", "609,9", "-1,9"],
                            ["Anlæg", "94,5", "97,9", "3,4"]]),
                 Section("recommendation", "INDSTILLING", [
                     "Direktionen indstiller, at budgetopfølgningen pr. 30. september 2022 "
                     "tages til efterretning."]),
                 *_hedeby_chain("14-11-2022", "Anbefales.",
                                "Taget til efterretning."),
             ], absent="Hans Jørgensen (A)"),
        Item(143, "Takster for 2023", case_number="2022/07155",
             journal_number="00.30.14G01", sections=[
                 Section("summary", "SAGSRESUMÉ", [
                     "Byrådet skal godkende de kommunale takster for 2023. Taksterne er "
                     "beregnet på grundlag af det vedtagne budget for 2023-2026."]),
                 Section("presentation", "SAGSFREMSTILLING", [
                     "Taksterne for dagtilbud stiger i gennemsnit med 3,1 pct., mens "
                     "taksterne for vand og spildevand fastsættes af Hedeby Forsyning A/S "
                     "og alene skal godkendes af Byrådet efter vandsektorloven."]),
                 Section("recommendation", "INDSTILLING", [
                     "Direktionen indstiller, at taksterne for 2023 godkendes."]),
                 *_hedeby_chain("14-11-2022", "Anbefales.", "Godkendt."),
             ], absent="Hans Jørgensen (A)"),
        Item(144, "Lokalplan 1.47 for boliger ved Møllebakken - endelig vedtagelse",
             case_number="2022/03390", journal_number="01.02.05P16", sections=[
                 Section("summary", "SAGSRESUMÉ", [
                     "Forslag til lokalplan 1.47 har været i offentlig høring i otte uger. "
                     "Der er indkommet fire høringssvar om trafik og om bevaring af "
                     "levende hegn."]),
                 Section("presentation", "SAGSFREMSTILLING", [
                     "Lokalplanen giver mulighed for op til 36 boliger i form af rækkehuse "
                     "og dobbelthuse. Vejadgangen sker fra Møllebakken. Forvaltningen "
                     "foreslår, at det levende hegn mod nord sikres ved en bestemmelse i "
                     "lokalplanen."]),
                 Section("recommendation", "INDSTILLING", [
                     "Direktionen indstiller, at lokalplan 1.47 vedtages endeligt med den "
                     "ændring, der fremgår af høringsnotatet."]),
                 Section("decision", "TEKNISK UDVALG DEN 07-11-2022", ["Anbefales."]),
                 *_hedeby_chain("14-11-2022", "Anbefales.",
                                "Godkendt med 24 stemmer for. Kim Rask (Ø) stemte imod."),
             ], absent="Hans Jørgensen (A)"),
        Item(145, "Valg af nyt medlem til Folkeoplysningsudvalget", case_number="2022/09020",
             journal_number="00.22.04A00", sections=[
                 Section("presentation", "SAGSFREMSTILLING", [
                     "Mona Fischer (V) har bedt om at udtræde af Folkeoplysningsudvalget. "
                     "Venstres byrådsgruppe har indstillet Jonas Bech (V) som nyt medlem."]),
                 Section("recommendation", "INDSTILLING", [
                     "Borgmesteren indstiller, at Jonas Bech (V) vælges som medlem af "
                     "Folkeoplysningsudvalget for resten af valgperioden."]),
                 Section("decision", "BESLUTNING I BYRÅDET DEN 28-11-2022",
                         ["Jonas Bech (V) blev valgt."]),
             ], absent="Hans Jørgensen (A)"),
        Item(146, "Spørgsmål fra medlemmer af Byrådet", case_number="2022/00126",
             journal_number="00.01.00A00", sections=[
                 Section("decision", "BESLUTNING I BYRÅDET DEN 28-11-2022", [
                     "Kim Rask (Ø) spurgte til status for cykelstien langs Ringvejen. "
                     "Borgmesteren svarede, at anlægget begynder i foråret 2023."]),
             ], absent="Hans Jørgensen (A)"),
        Item(147, "Salg af erhvervsgrund i Hedeby Nord", closed=True),
    ],
    appendix=["Underskrifter"],
    signatures=["Anne Marie Lauridsen", "Kim Rask", "Jonas Bech", "Lisbeth Friis",
                "Torben Mikkelsen", "Birgit Sand", "Ole Vad", "Helle Krogh"],
    running_header="",
    notes="Letterhead as body text; capitals headings (SAGSRESUMÉ, SAGSFREMSTILLING, ØKONOMI, "
          "INDSTILLING) and capitals decision heads with body and date, stacked "
          "(TEKNISK UDVALG DEN …, ØKONOMIUDVALGET DEN …, BESLUTNING I BYRÅDET DEN …); "
          "'Åbent - KLE - case no.' line; Word TOC in the simple style (page number right "
          "after the title); item 147 closed with no body; footer a bare page number.",
    participants=[("Hans Jørgensen", True)],
    times=("19:00", "21:35"),
)


# --------------------------------------------------------------------------- Åskov
# An Økonomiudvalg referat in the Acadre Word template: letterhead in a borderless two-column
# table (name left, address block right), the header as a label/value table whose narrow label
# column wraps "Mødedeltagere:", a TOC with a "Side" column and right-aligned page numbers
# (no leader), running item numbers from 12, a borderless metadata table per item
# ("Dok.nr.: | Sagsid.: | Initialer: | Åben sag"), "Indledning" before "Sagsfremstilling",
# decision heads "Beslutning Økonomiudvalget den 06-02-2024" with "Fraværende:" before the
# decision text, a closed item "Lukket - ...", "Bilagsliste" and "Underskriftsblad" pages;
# footer "Side N".

ASKOV = Doc(
    name="aaskov-oekonomiudvalget-2024-02-06",
    municipality="Åskov Kommune",
    committee="Økonomiudvalget",
    date="2024-02-06",
    document_type="referat",
    letterhead=["Åskov Kommune", "Borgmesterkontoret", "Rådhusvej 10", "6640 Åskov",
                "Tlf. 79 94 60 00"],
    title=["Referat", "fra Økonomiudvalget"],
    header=[
        ("Mødedato:", "Tirsdag den 6. februar 2024"),
        ("Mødetidspunkt:", "8:30 - 11:10"),
        ("Mødested:", "Borgmesterens mødelokale"),
        ("Mødedeltagere:", "Jens Ravn (V), Maria Storm (A), Henrik Lind (C), "
                           "Pia Toft (V), Anders Krogh (A), Gitte Holm (F), "
                           "Niels Aagaard (DF)"),
        ("Fraværende:", "Ingen"),
        ("Referent:", "Camilla Bruun"),
    ],
    absent_before="Fraværende:",
    items=[
        Item(12, "Godkendelse af dagsorden", case_number="24/40", document_number="1965",
             initials="cbru", sections=[
                 Section("decision", "Beslutning Økonomiudvalget den 06-02-2024",
                         ["Godkendt."]),
             ], absent="Ingen"),
        Item(13, "Regnskab 2023 - foreløbigt resultat", case_number="24/311",
             document_number="2210", initials="mkri", sections=[
                 Section("summary", "Indledning", [
                     "Økonomiudvalget orienteres om det foreløbige resultat af regnskab 2023, "
                     "inden regnskabet afsluttes og revideres."]),
                 Section("presentation", "Sagsfremstilling", [
                     "Det foreløbige regnskab viser et overskud på det ordinære resultat på "
                     "96,4 mio. kr., hvilket er 21,7 mio. kr. bedre end det korrigerede "
                     "budget. Forbedringen skyldes især lavere udgifter til "
                     "overførselsindkomster og en efterregulering af "
                     "beskæftigelsestilskuddet.",
                     "Serviceudgifterne holder sig inden for den aftalte ramme med en "
                     "margin på 8,9 mio. kr. Der forventes overført 31,5 mio. kr. til 2024 "
                     "efter reglerne for overførsel mellem årene."],
                     table=[["Mio. kr.", "Oprindeligt budget", "Korrigeret budget",
                             "Foreløbigt regnskab"],
                            ["Skatter og tilskud", "-3.412,0", "-3.418,6", "-3.421,3"],
                            ["Serviceudgifter", "2.702,5", "2.741,9", "2.733,0"],
                            ["Ordinært resultat", "-71,2", "-74,7", "-96,4"]]),
                 Section("recommendation", "Indstilling", [
                     "Direktionen indstiller, at orienteringen tages til efterretning."]),
                 Section("decision", "Beslutning Økonomiudvalget den 06-02-2024",
                         ["Taget til efterretning."]),
             ], absent="Ingen"),
        Item(14, "Frigivelse af anlægsbevilling til renovering af Vestre Skole",
             case_number="23/14502", document_number="2233", initials="lhan", sections=[
                 Section("presentation", "Sagsfremstilling", [
                     "I budget 2024 er der afsat 18,5 mio. kr. til renovering af "
                     "klasselokaler og ventilation på Vestre Skole. Projektet er udbudt, "
                     "og der er indkommet tre tilbud. Det laveste tilbud ligger inden for "
                     "rådighedsbeløbet.",
                     "Arbejdet forventes udført i perioden april 2024 til januar 2025 i "
                     "etaper, så undervisningen kan fortsætte."]),
                 Section("financial", "Økonomi", [
                     "Der søges om frigivelse af en anlægsbevilling på 18,5 mio. kr., "
                     "finansieret af det afsatte rådighedsbeløb på anlægsbudgettet 2024."]),
                 Section("legal", "Lovgrundlag", [
                     "Kommunens principper for økonomistyring, afsnit 4 om anlægsbevillinger."]),
                 Section("recommendation", "Indstilling", [
                     "Direktionen indstiller, at der meddeles en anlægsbevilling på "
                     "18,5 mio. kr. til renovering af Vestre Skole, og at rådighedsbeløbet "
                     "frigives."]),
                 Section("attachments", "Bilag", bullets=[
                     "Tilbudsoversigt, renovering af Vestre Skole (2231/24)",
                     "Tidsplan for renoveringen (2232/24)"]),
                 Section("decision", "Beslutning Økonomiudvalget den 06-02-2024",
                         ["Anbefales over for Byrådet."]),
             ], absent="Ingen"),
        Item(15, "Høring om forslag til ny kollektiv trafikplan", case_number="23/16880",
             document_number="2301", initials="sjep", sections=[
                 Section("summary", "Indledning", [
                     "Trafikselskabet har sendt forslag til ny trafikplan 2024-2027 i "
                     "høring hos kommunerne med frist den 1. marts 2024."]),
                 Section("presentation", "Sagsfremstilling", [
                     "Forslaget indebærer, at regionallinje 44 omlægges, så den ikke længere "
                     "betjener Åskov Station. Administrationen foreslår et høringssvar, "
                     "der fastholder betjeningen af stationen i myldretiden."]),
                 Section("recommendation", "Indstilling", [
                     "Direktionen indstiller, at udkast til høringssvar godkendes."]),
                 Section("decision", "Beslutning Økonomiudvalget den 06-02-2024", [
                     "Godkendt med den tilføjelse, at linje 44 også bør betjene "
                     "gymnasiet."]),
             ], absent="Ingen"),
        Item(16, "Salg af grund i Vestbyen", case_number="23/9981", document_number="2290",
             initials="mkri", closed=True, sections=[
                 Section("decision", "Beslutning Økonomiudvalget den 06-02-2024",
                         ["Godkendt."]),
             ], absent="Ingen"),
        Item(17, "Orientering og eventuelt", case_number="24/40", document_number="1966",
             initials="cbru", sections=[
                 Section("decision", "Beslutning Økonomiudvalget den 06-02-2024", [
                     "Borgmesteren orienterede om KKR-mødet den 29. januar 2024."]),
             ], absent="Ingen"),
    ],
    appendix=["Bilagsliste", "Underskriftsblad"],
    signatures=["Jens Ravn", "Maria Storm", "Henrik Lind", "Pia Toft", "Anders Krogh",
                "Gitte Holm", "Niels Aagaard"],
    running_header="Økonomiudvalget 06-02-2024",
    notes="Letterhead in a borderless two-column table; header table with narrow label "
          "column ('Mødedeltage' / 're:'); TOC with 'Side' column header, right-aligned page "
          "numbers without leader, running numbers from 12, 'Lukket - ' entry, 'Bilagsliste' "
          "and 'Underskriftsblad'; per item a borderless metadata table 'Dok.nr.: Sagsid.: "
          "Initialer: Åben sag'; 'Fraværende: Ingen' between the decision head and its text.",
    participants=[(n, False) for n in ("Jens Ravn", "Maria Storm", "Henrik Lind", "Pia Toft",
                                       "Anders Krogh", "Gitte Holm", "Niels Aagaard")],
    times=("08:30", "11:10"),
)

# --------------------------------------------------------------------------- Hedeby, new template
# The same council meeting exported from a newer template (build_word.STYLES): 12 pt text with a
# 1.8 cm label column, so labels wrap over up to three lines of their cell ("Møded" / "eltager"
# / "e:") with the value's lines beside them; a TOC with a 'Side' column whose right-aligned
# page numbers follow titles that end in a number ("... 30. september 2022   4"); the letterhead
# in a borderless table; the signature page right after the last (closed, bodiless) item, with
# no page break; footer "Side N".
HEDEBY_NEW = replace(
    HEDEBY, name="hedeby-byraad-2022-11-28-ny-skabelon",
    notes="The Hedeby meeting in a newer template: 12 pt text and a 1.8 cm label column (labels "
          "wrap over up to three lines of their cell); TOC with a 'Side' column and right-aligned "
          "page numbers after titles ending in a year; letterhead in a borderless table; the "
          "signature page follows the closed item 147 on the same page; footer 'Side N'.")

DOCS = [FJORDBY, HEDEBY, ASKOV, HEDEBY_NEW]


def truth(doc: Doc) -> dict[str, object]:
    """The reader truth of ``doc`` (format of ``tests/samples/pages/TRUTH.md``).

    An absence line printed between the decision head and its text (``doc.absent_before``,
    "Fraværende: Ingen") is part of the decision text: the contract keeps it there, as the
    reviewed truth of real samples of that layout does (087 Varde, goldens 004 and 022 Slagelse,
    012 and 076 Stevns)."""
    items = []
    for it in doc.items:
        start = it.decision_start
        if start is not None and doc.absent_before and it.absent:
            start = f"{doc.absent_before} {it.absent} {start}"[:80]
        entry: dict[str, object] = {
            "number": it.number, "title": it.title, "closed": it.closed,
            "case_number": it.case_number}
        if it.journal_number:
            entry["journal_number"] = it.journal_number
        entry |= {"complete": True, "sections": [s.kind for s in it.sections],
                  "decision_start": start, "notes": ""}
        items.append(entry)
    return {"file": f"pdf/word/{doc.name}.pdf", "is_minutes": True,
            "document_type": doc.document_type, "committee": doc.committee, "date": doc.date,
            "items": items, "notes": doc.notes}
