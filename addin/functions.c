/* The function table: every Calc function of socinv, described once.
 * Adding a function: a row here, a glue function (fn_*.c), then
 * `cmake --build build --target regen` rewrites idl/ and packaging/. */
#include <string.h>

#include "functions.h"
#include "glue.h"

#define T(en_, da_) {en_, da_}
#define RANGE(name_, en_label, da_label, en_help, da_help) {name_, SV_P_RANGE, T(en_label, da_label), T(en_help, da_help), T(NULL, NULL), NULL, 0, 0}
#define NUMBER(name_, en_label, da_label, en_help, da_help) {name_, SV_P_NUMBER, T(en_label, da_label), T(en_help, da_help), T(NULL, NULL), NULL, 0, 0}
#define OPT(name_, en_label, da_label, en_help, da_help) {name_, SV_P_OPTIONAL, T(en_label, da_label), T(en_help, da_help), T(NULL, NULL), NULL, 0, 0}
/* An optional parameter with a default: the generator ends its help with "default: …"
 * / "standard: …" in the two languages, so the help states it once, from the row. */
#define OPTD(name_, en_label, da_label, en_default, da_default, en_help, da_help) \
    {name_, SV_P_OPTIONAL, T(en_label, da_label), T(en_help, da_help), T(en_default, da_default), NULL, 0, 0}
/* A number argument with a default: its value, read by sv_int_arg / sv_number_arg,
 * and as the help shows it (plain digits are quoted as they are; OPTNT gives the
 * two languages' texts where they differ, "0.5" / "0,5"). */
#define OPTNT(name_, en_label, da_label, value_, en_default, da_default, en_help, da_help) \
    {name_, SV_P_OPTIONAL, T(en_label, da_label), T(en_help, da_help), T(en_default, da_default), NULL, 0, (value_)}
#define OPTN(name_, en_label, da_label, value_, en_help, da_help) \
    OPTNT(name_, en_label, da_label, value_, SOCINV_STR(value_), SOCINV_STR(value_), en_help, da_help)
/* A keyword argument: the words it accepts (an sv_keywords below) and its default as
 * the code the glue gets (sv_keyword_arg) and as the help shows it. The generator
 * lists the words in both languages' help. */
#define OPTK(name_, en_label, da_label, keywords_, dflt_code_, en_default, da_default, en_help, da_help) \
    {name_, SV_P_OPTIONAL, T(en_label, da_label), T(en_help, da_help), T(en_default, da_default), &(keywords_), (dflt_code_), 0}

/* ---- arguments that recur: defined once ------------------------------------------ */
#define P_NET(name_)                                                                                       \
    RANGE(name_, "net impact", "nettoeffekt",                                                             \
          "Row or column of net impact per year, first year first; costs positive, savings negative. "   \
          "Blank later years are ignored, blanks inside count as 0. A block of rows (a portfolio, one "    \
          "case per row) gives a column with each row's result, entered as an array formula",              \
          "Række eller kolonne med økonomisk påvirkning pr. år, første år først; udgifter positive, besparelser negative. " \
          "Tomme sidste år ignoreres, tomme celler indeni tæller som 0. En blok af rækker (en portefølje, én " \
          "sag pr. række) giver en kolonne med hver rækkes resultat, indtastet som matrixformel")
#define P_METHOD(name_)                                                                                    \
    OPTN(name_, "method", "metode", 0,                                                              \
        "0: whole years, first year the cumulative is below zero (Copenhagen rule); "            \
        "1: fractional, interpolated within the year; 2: whole years, cumulative zero or below; "          \
        "3: fractional, cumulative zero or below (reaching exactly zero counts)",                           \
        "0: hele år, første år hvor det akkumulerede er under nul (Københavns regel); " \
        "1: brøk, interpoleret inden for året; 2: hele år, akkumuleret nul eller derunder; "     \
        "3: brøk, akkumuleret nul eller derunder (præcis nul tæller)")
#define P_SIGN(name_)                                                                                      \
    OPTN(name_, "sign", "fortegn", 1,                                                               \
        "1: savings are negative, as in the business-case tables; -1: savings are positive",                \
        "1: besparelser er negative som i business case-tabellerne; -1: besparelser er positive")
#define P_HORIZON(name_)                                                                                   \
    OPTN(name_, "horizon", "horisont", SOCINV_PAYBACK_HORIZON_DEFAULT, "Last year to look at; a later payback gives #N/A",       \
         "Sidste år der ses på; en senere tilbagebetaling giver #I/T")
#define P_SCHEDULE(name_)                                                                                  \
    OPTD(name_, "discount rate", "diskonteringsrente", "\"" SOCINV_SCHEDULE_DEFAULT "\"",                 \
         "\"" SOCINV_SCHEDULE_DEFAULT "\"",                                                                   \
        "\"" SOCINV_SCHEDULE_DEFAULT "\" (3.5 % years 1-35, 2.5 % 36-70, 1.5 % after), \"DK2013\", \"UK2022\", "      \
        "\"UK2022HEALTH\", a flat rate such as 4 %, or two columns: from year, rate",                       \
        "\"" SOCINV_SCHEDULE_DEFAULT "\" (3,5 % år 1-35, 2,5 % 36-70, 1,5 % derefter), \"DK2013\", \"UK2022\", " \
        "\"UK2022HEALTH\", en fast rente som 4 %, eller to kolonner: fra år, rente")
#define P_FIRSTYEAR(name_)                                                                                 \
    OPTN(name_, "first year", "første år", 0,                                          \
        "0: the first value is today and not discounted; 1: the first value is discounted one year " \
        "(as the spreadsheet NPV does)",                                                                   \
        "0: første værdi er i dag og diskonteres ikke; 1: første værdi diskonteres et år " \
        "(som regnearkets NV)")
#define P_YEAR(name_)                                                                                      \
    OPT(name_, "year", "år",                                                                         \
        "Which year (1 = first column) to return as one value; left out, the whole row is returned",       \
        "Hvilket år (1 = første kolonne) der returneres som én værdi; udeladt returneres hele rækken")
#define P_BC_SIGN(name_)                                                                                   \
    OPTN(name_, "sign", "fortegn", 1,                                                               \
        "1: benefits are savings entered negative, costs positive; -1: both entered positive",             \
        "1: gevinster er besparelser med negativt fortegn, udgifter positive; -1: begge positive")
#define P_BENEFITS(name_)                                                                                  \
    RANGE(name_, "benefits", "gevinster", "Benefits per year, first year first",                           \
          "Gevinster pr. år, første år først")
#define P_COSTS(name_)                                                                                     \
    RANGE(name_, "costs", "udgifter", "Costs per year, first year first, positive",                        \
          "Udgifter pr. år, første år først, positive")
#define P_TOLERANCE(name_)                                                                                 \
    OPTNT(name_, "tolerance", "tolerance", SOCINV_CHECK_TOLERANCE, "0.5", "0,5", "Largest difference accepted (rounding in 1.000 kr.)", \
         "Største accepterede forskel (afrunding i 1.000 kr.)")
#define P_INDEX_YEARS(name_)                                                                               \
    RANGE(name_, "index years", "indeksår", "The years of the price/wage index series",             \
          "Årene i pris- og lønindeksserien")
#define P_INDEX_VALUES(name_)                                                                              \
    RANGE(name_, "index values", "indeksværdier",                                                  \
          "The index value of each year, e.g. KL's p/l index for service",                                 \
          "Indeksværdien for hvert år, fx KL's pris- og lønindeks for service")

/* ---- the words of the keyword arguments (sv_keyword; ASCII and æøå case ignored) ---- */
/* TRUE/FALSE arguments: sv_bool_keywords (call.c), any number or sand/falsk, ja/nej ... */

/* NETIMPACT's part: "net"/"netto" (any case: "Net" was Err:502), a kind as the kinds
 * column has it, or 0-2 */
static const sv_word part_words[] = {{"net", SV_PART_NET}, {"netto", SV_PART_NET}};
static const sv_keywords part_keywords = {SV_WORDS(part_words), SV_NUMBER_CODE, SV_PART_NET, SV_PART_IMPLEMENTATION,
                                          sv_part_of_kind};

/* SIBPAYOUT's allocation, output and cap mode. Their numbers (0, 1 ...; output 0-7 in
 * the order of sv_sib_output) were accepted before they were documented; they are
 * kept, and now documented, because saved workbooks may use them. */
static const sv_word alloc_words[] = {{"prorata", SOCINV_SIB_PRORATA}, {"pro rata", SOCINV_SIB_PRORATA},
                                      {"forholdsm\xc3\xa6ssig", SOCINV_SIB_PRORATA}, {"order", SOCINV_SIB_ORDER},
                                      {"r\xc3\xa6kkef\xc3\xb8lge", SOCINV_SIB_ORDER}};
static const sv_keywords alloc_keywords = {SV_WORDS(alloc_words), SV_NUMBER_CODE, 0, 1, NULL};
static const sv_word out_words[] = {
    {"total", SV_OUT_TOTAL},         {"i alt", SV_OUT_TOTAL},         {"year", SV_OUT_YEAR},
    {"years", SV_OUT_YEAR},          {"\xc3\xa5r", SV_OUT_YEAR},      {"criterion", SV_OUT_CRITERION},
    {"criteria", SV_OUT_CRITERION},  {"kriterium", SV_OUT_CRITERION}, {"kriterier", SV_OUT_CRITERION},
    {"matrix", SV_OUT_MATRIX},       {"cut", SV_OUT_CUT},             {"beskaaret", SV_OUT_CUT},
    {"besk\xc3\xa5ret", SV_OUT_CUT}, {"cutcriterion", SV_OUT_CUT_CRITERION}, {"cutgroup", SV_OUT_CUT_GROUP},
    {"cuttotal", SV_OUT_CUT_TOTAL}};
static const sv_keywords out_keywords = {SV_WORDS(out_words), SV_NUMBER_CODE, SV_OUT_TOTAL, SV_OUT_CUT_TOTAL, NULL};
static const sv_word capmode_words[] = {{"period", 0}, {"periode", 0}, {"annual", 1},
                                        {"year", 1},   {"\xc3\xa5rlig", 1}, {"aarlig", 1}};
static const sv_keywords capmode_keywords = {SV_WORDS(capmode_words), SV_NUMBER_CODE, 0, 1, NULL};

const sv_function sv_functions[] = {
    {"payback", T("PAYBACK", "TILBAGEBETALINGSTID"), "Financial",
     T("Years until the cumulative net impact of a business case turns negative (tilbagebetalingstid); "
       "the last year repeats beyond the table",
       "Antal år til den akkumulerede økonomiske påvirkning bliver negativ; "
       "sidste år gentages efter tabellen"),
     sv_fn_payback,
     {{"PAYBACK({1511;-1130;-1551;-504})", "3"},
      {"PAYBACK({1511;-1130;-1551;-504};1)", "2.245648"},
      {"PAYBACK({700;9800;8000;7400;-4500;-4500})", "10"},
      {"INDEX(PAYBACK({1511;-1130;-1551;-504|100;50;10;10|2250;-800;-1450;-1800});3;1)", "4"}},
     6,
     {P_NET("net"), P_METHOD("method"),
      OPTN("crossing", "crossing", "krydsning", 0,
          "0: the first year the rule is met; 1: the first year from which it stays met",
          "0: første år reglen er opfyldt; 1: første år hvorfra den forbliver opfyldt"),
      OPTK("extrapolate", "extrapolate", "forlæng", sv_bool_keywords, 1, "TRUE", "SAND",
          "TRUE: the last year's value continues after the table (the permanent effect); FALSE: "
          "only the table's years count",
          "SAND: sidste års værdi fortsætter efter tabellen (den varige effekt); FALSK: "
          "kun tabellens år tæller"),
      P_SIGN("sign"), P_HORIZON("horizon")}},

    {"paybackDisc", T("PAYBACKDISC", "TILBAGEBETALINGSTID.DISK"), "Financial",
     T("Discounted payback: years until the cumulative discounted net impact turns negative",
       "Diskonteret tilbagebetalingstid: antal år til den akkumulerede diskonterede påvirkning bliver negativ"),
     sv_fn_payback_disc,
     {{"PAYBACKDISC({100;-55;-55};0.1)", "4"}, {"PAYBACKDISC({1511;-1130;-1551;-504})", "3"},
      {"PAYBACKDISC({100;-100;50;-100};0;3)", "2"},
      {"INDEX(PAYBACKDISC({100;50;0|100;-55;-55};0.1);1;1)", "#N/A"}},
     6,
     {P_NET("net"), P_SCHEDULE("schedule"), P_METHOD("method"), P_FIRSTYEAR("firstyear"), P_SIGN("sign"),
      P_HORIZON("horizon")}},

    {"netImpact", T("NETIMPACT", "NETTOEFFEKT"), "Financial",
     T("Net impact per year of a business case: permanent changes plus implementation costs, on the "
       "total or the service basis",
       "Økonomisk påvirkning pr. år: varige ændringer plus implementeringsomkostninger, "
       "på totaløkonomi eller serviceeffektivisering"),
     sv_fn_net_impact,
     {{"NETIMPACT({-200|200|50};{\"Service\"|\"Service\"|\"Service\"};{\"V\"|\"I\"|\"I\"};;1)", "50"},
      {"NETIMPACT({0;-1002|0;-215|983;87};{\"Service\"|\"Overførsler\"|\"Service\"};{\"V\"|\"V\"|\"I\"};\"service\";2)", "-915"}},
     6,
     {RANGE("amounts", "table", "tabel",
            "The whole table as printed (label column, 'Styringsområde' column, a row with the years), "
            "read by its labels; or only its amounts, one row per line and one column per year, with areas and kinds",
            "Hele tabellen som trykt (tekstkolonne, kolonnen 'Styringsområde', en række med årstallene), "
            "læst ud fra teksterne; eller kun beløbene, én række pr. linje og én kolonne pr. år, med styringsområder og typer"),
      OPT("areas", "areas", "styringsområder",
          "One area per row: Service, Anlæg, Overførsler or Efterspørgselsstyret (needed for the service basis)",
          "Ét styringsområde pr. række: Service, Anlæg, Overførsler eller Efterspørgselsstyret (krævet til serviceeffektivisering)"),
      OPT("kinds", "kinds", "typer",
          "One kind per row: V (varig, permanent change) or I (implementeringsomkostning); blank rows "
          "(headings, subtotals) are skipped. Left out, the first argument is read as a whole table",
          "Én type pr. række: V (varig ændring) eller I (implementeringsomkostning); tomme rækker "
          "(overskrifter, subtotaler) springes over. Udeladt læses første argument som en hel tabel"),
      OPTD("basis", "basis", "grundlag", "\"total\"", "\"total\"",
          "\"total\" (totaløkonomi), \"service\" (permanent changes on Service against all "
          "implementation costs) or a list of areas such as \"Service;Anlæg\"",
          "\"total\" (totaløkonomi), \"service\" (varige ændringer på Service mod alle "
          "implementeringsomkostninger) eller en liste af områder som \"Service;Anlæg\""),
      P_YEAR("year"),
      OPTK("part", "part", "del", part_keywords, SV_PART_NET, "\"net\"", "\"net\"",
          "\"net\", \"V\" for the permanent changes only, \"I\" for the implementation costs only "
          "(or 0, 1, 2)",
          "\"net\", \"V\" kun de varige ændringer, \"I\" kun implementeringsomkostningerne "
          "(eller 0, 1, 2)")}},

    {"tableCheck", T("TABLECHECK", "TABELKONTROL"), "Financial",
     T("Checks a printed total row against the rows it should sum; 1 (TRUE), or the first difference",
       "Kontrollerer en trykt totalrække mod de rækker den skal summere; 1 (SAND), eller den første forskel"),
     sv_fn_table_check,
     {{"TABLECHECK({0;-1900;-2450;-2800;-2900;-2900|350;7850;6200;4550;0;0};{350;5950;4850;3950;-2900;-2900})",
       "år 3: trykt 4.850, beregnet 3.750"},
      {"TABLECHECK({0;-1900;-2450;-2800;-2900;-2900|350;7850;6200;4550;0;0};{350;5950;4850;3950;-2900;-2900};;1)", "3"},
      {"TABLECHECK({983;0|150;0|378;87};{1511;87})", "1"},
      {"INDEX(TABLECHECK({983;0|150;0|378;87|0;5};{1133;0|378;90});2;1)", "år 2: trykt 90, beregnet 92"}},
     4,
     {RANGE("rows", "rows", "rækker", "The rows the total should add up, one column per year",
            "De rækker totalen skal summere, én kolonne pr. år"),
      RANGE("printed", "printed total", "trykt total",
            "The printed total row, same years. A block of total rows (a portfolio, one case per row) checks "
            "each against its equal share of rows, case after case, and gives a column",
            "Den trykte totalrække, samme år. En blok af totalrækker (en portefølje, én sag pr. række) "
            "kontrolleres hver mod sin lige store andel af rækkerne, sag efter sag, og giver en kolonne"),
      P_TOLERANCE("tolerance"),
      OPTN("output", "output", "output", 0,
          "0: 1 (TRUE) or a text such as \"år 3: trykt 4.850, beregnet 3.750\"; 1: the first differing "
          "year (0 if none); 2: printed minus computed in that year",
          "0: 1 (SAND) eller en tekst som \"år 3: trykt 4.850, beregnet 3.750\"; 1: første år med "
          "forskel (0 hvis ingen); 2: trykt minus beregnet i det år")}},

    {"caseCheck", T("CASECHECK", "CASEKONTROL"), "Financial",
     T("Checks a whole business-case table: subtotals, net impact and paybacks against its lines and the "
       "rule; 1 (TRUE), or the first error",
       "Kontrollerer en hel business case-tabel: subtotaler, økonomisk påvirkning og tilbagebetalingstider mod "
       "linjerne og reglen; 1 (SAND), eller den første fejl"),
     sv_fn_case_check,
     {{"CASECHECK({\"1.000 kr.\";\"Styringsområde\";2024;2025|\"Implementeringsomkostninger\";\"\";\"\";\"\"|"
       "\"Kurser\";\"Service\";100;0|\"Samlet økonomisk påvirkning\";\"\";100;5})",
       "Samlet økonomisk påvirkning 2025: trykt 5, beregnet 0"},
      {"CASECHECK({\"1.000 kr.\";\"Styringsområde\";2024;2025|\"Implementeringsomkostninger\";\"\";\"\";\"\"|"
       "\"Kurser\";\"Service\";100;0|\"Samlet økonomisk påvirkning\";\"\";100;0})",
       "1"}},
     3,
     {RANGE("table", "table", "tabel",
            "The table 'Forslagets samlede økonomiske konsekvenser' as printed: label column, 'Styringsområde', "
            "a row with the years, the paybacks below",
            "Tabellen 'Forslagets samlede økonomiske konsekvenser' som trykt: tekstkolonne, 'Styringsområde', "
            "en række med årstallene, tilbagebetalingstiderne nederst"),
      P_TOLERANCE("tolerance"),
      OPTN("output", "output", "output", 0,
          "0: 1 (TRUE) or the first error as text; 1: the number of errors; 2: the number of "
          "warnings (ambiguous readings)",
          "0: 1 (SAND) eller den første fejl som tekst; 1: antal fejl; 2: antal advarsler "
          "(tvetydige læsninger)")}},

    {"sibPayout", T("SIBPAYOUT", "SIB.UDBETALING"), "Financial",
     T("Outcome payments of a social impact investment with caps per criterion, per group and year, "
       "and in total, indexed",
       "Gevinstbetaling i en social effektinvestering med loft pr. kriterium, pr. gruppe og år og i alt, indekseret"),
     sv_fn_sib_payout,
     {{"SIBPAYOUT({10;10;10|10;10;10|10;10;10|10;10;10|10;10;10};{5.58|2|3|1|1};{1|1|1|2|2};{2|0.66};5.58)", "5.58"},
      {"SIBPAYOUT({10;10;10|10;10;10|10;10;10|10;10;10|10;10;10};{5.58|2|3|1|1};{1|1|1|2|2};{2|0.66};5.58;;;;\"year\";1)", "2.66"},
      {"SIBPAYOUT({0.5;0.5;0.5|0.2;0.2;0.2|0.3;0.3;0.3|0.1;0.1;0.1|0.1;0.1;0.1};{5.58|2|3|1|1};{1|1|1|2|2};{2|0.66};5.58)", "3.6"}},
     12,
     {RANGE("earned", "earned", "optjent",
            "Amounts earned before caps: one row per success criterion, one column per year, in base-year prices; "
            "negative amounts pay nothing",
            "Optjente beløb før loft: én række pr. succeskriterium, én kolonne pr. år, i basisårets priser; "
            "negative beløb udløser intet"),
      RANGE("critcaps", "criterion caps", "loft pr. kriterium",
            "Cap of each criterion over the whole period (Herning: 5.58; 2; 3; 1; 1 mio.); blank = no cap",
            "Loft for hvert kriterium over hele perioden (Herning: 5,58; 2; 3; 1; 1 mio.); tom = intet loft"),
      RANGE("groups", "groups", "grupper",
            "Group number of each criterion, 1-1000 (Herning: 1; 1; 1; 2; 2); 0 or blank = no group",
            "Gruppenummer for hvert kriterium, 1-1000 (Herning: 1; 1; 1; 2; 2); 0 eller tom = ingen gruppe"),
      RANGE("groupcaps", "group caps", "loft pr. gruppe",
            "Cap per year of each group (Herning: 2; 0.66 mio.)",
            "Loft pr. år for hver gruppe (Herning: 2; 0,66 mio.)"),
      OPT("totalcap", "total cap", "samlet loft", "Cap of all criteria together over the period (Herning: 5.58 mio.); left out = none",
          "Loft for alle kriterier tilsammen over perioden (Herning: 5,58 mio.); udeladt = intet"),
      OPT("index", "index", "indeks",
          "Price/wage factor per year applied to the amounts and caps (e.g. 1; 1.02; 1.045); left out = 1",
          "Pris- og lønfaktor pr. år for beløb og lofter (fx 1; 1,02; 1,045); udeladt = 1"),
      OPTK("allocation", "allocation", "fordeling", alloc_keywords, SOCINV_SIB_PRORATA, "\"prorata\"", "\"prorata\"",
          "How a binding group or total cap is shared: \"prorata\" (every criterion cut by the same share) "
          "or \"order\" (criteria paid in the listed order); or 0, 1. The agreement does not say; choose and document",
          "Hvordan et bindende gruppe- eller samlet loft deles: \"prorata\" (alle kriterier beskåres "
          "med samme andel) eller \"order\" (kriterierne betales i rækkefølge); eller 0, 1. Aftalen siger det ikke"),
      OPTK("carry", "carry", "overfør", sv_bool_keywords, 0, "FALSE", "FALSK",
          "FALSE: unused yearly group room is lost; TRUE: it carries to the next year",
          "FALSK: ubrugt årligt gruppeloft bortfalder; SAND: det overføres til næste år"),
      OPTK("output", "output", "output", out_keywords, SV_OUT_TOTAL, "\"total\"", "\"total\"",
          "\"total\", \"year\" (a row per year), \"criterion\" (a column per criterion), \"matrix\" "
          "(criteria x years); \"cut\", \"cutcriterion\", \"cutgroup\", \"cuttotal\": the amounts each cap removed, "
          "criteria x years (wrap in SUM for a total); or their numbers 0-7 in this order",
          "\"total\", \"year\" (række pr. år), \"criterion\" (kolonne pr. kriterium), \"matrix\" "
          "(kriterier x år); \"cut\", \"cutcriterion\", \"cutgroup\", \"cuttotal\": beløb fjernet af hvert loft, "
          "kriterier x år (brug SUM for en total); eller deres numre 0-7 i denne rækkefølge"),
      P_YEAR("year"),
      OPT("criterion", "criterion", "kriterium", "Which criterion (1 = first row) to return; left out = all",
          "Hvilket kriterium (1 = første række) der returneres; udeladt = alle"),
      OPTK("capmode", "cap mode", "loftstype", capmode_keywords, 0, "\"period\"", "\"period\"",
          "\"period\" (0): criterion caps hold for the whole period; \"annual\" (1): per year",
          "\"period\" (0): kriterielofter gælder hele perioden; \"annual\" (1): pr. år")}},

    {"sibDecrease", T("SIBDECREASE", "SIB.FALD"), "Financial",
     T("Fall per year against the previous year (or a fixed baseline), as success criteria measure it",
       "Fald pr. år i forhold til året før (eller en fast baseline), som succeskriterier måles"),
     sv_fn_sib_decrease,
     {{"SIBDECREASE({100;90;95;80};;;2)", "-5"}, {"SIBDECREASE({100;90;95;80};;TRUE();2)", "0"},
      {"SIBDECREASE({90;95;80};100;;3)", "20"}},
     4,
     {RANGE("series", "series", "serie",
            "Spending or counts per year, starting with the baseline year before the period",
            "Udgifter eller antal pr. år, begyndende med baselineåret før perioden"),
      OPT("baseline", "baseline", "baseline", "A fixed baseline; left out, each year is compared with the year before",
          "En fast baseline; udeladt sammenlignes hvert år med året før"),
      OPTK("floor0", "floor at zero", "mindst nul", sv_bool_keywords, 0, "FALSE", "FALSK",
           "TRUE: an increase counts as 0; FALSE: as a negative fall",
           "SAND: en stigning tæller som 0; FALSK: som et negativt fald"),
      P_YEAR("year")}},

    {"refundNet", T("REFUNDNET", "EFTER.REFUSION"), "Financial",
     T("An amount after a refund share, e.g. after the 50 % state refund",
       "Et beløb efter en refusionsandel, fx efter 50 % statsrefusion"),
     sv_fn_refund_net,
     {{"REFUNDNET(1000;0.5)", "500"}},
     2,
     {NUMBER("amount", "amount", "beløb", "The gross amount", "Bruttobeløbet"),
      NUMBER("share", "refund share", "refusionsandel", "Share refunded, 0-1 (50 % = 0.5)",
             "Andel der refunderes, 0-1 (50 % = 0,5)")}},

    {"casePrice", T("CASEPRICE", "PRIS.PR.SAG"), "Financial",
     T("Price per case over a base period (success criterion 3: average 2022-2024)",
       "Pris pr. sag over en basisperiode (succeskriterium 3: gennemsnit 2022-2024)"),
     sv_fn_case_price,
     {{"CASEPRICE({300;400};{10;20})", "23.333333"}, {"CASEPRICE({300;400};{10;20};1)", "25"}},
     3,
     {RANGE("costs", "costs", "udgifter", "Spending per year of the base period",
            "Udgifter pr. år i basisperioden"),
      RANGE("cases", "cases", "sager", "Number of cases per year of the base period",
            "Antal sager pr. år i basisperioden"),
      OPTN("mode", "mode", "metode", 0,
          "0: total spending / total cases; 1: mean of the yearly prices. The agreement does not say which",
          "0: samlede udgifter / samlet antal sager; 1: gennemsnit af de årlige priser. Aftalen siger ikke hvilken")}},

    {"sibUncovered", T("SIBUNCOVERED", "SIB.UDÆKKET"), "Financial",
     T("Payout for criteria that cannot be capitalised in the budget (Herning 4-5): the risk to cover",
       "Udbetaling for kriterier der ikke kan kapitaliseres i budgettet (Herning 4-5): risikoen der skal dækkes"),
     sv_fn_sib_uncovered,
     {{"SIBUNCOVERED({1;0.5;0.5;0.33;0.33};{1;1;1;0;0})", "0.66"}},
     2,
     {RANGE("payout", "payout", "udbetaling", "Payout per criterion", "Udbetaling pr. kriterium"),
      RANGE("capitalisable", "capitalisable", "kapitaliserbar",
            "1/TRUE where the criterion's effect shows as budget savings, 0/FALSE where it does not",
            "1/SAND hvor kriteriets effekt ses som budgetbesparelse, 0/FALSK hvor den ikke gør")}},

    {"targetGap", T("TARGETGAP", "NETTOUDESTÅENDE"), "Financial",
     T("Outstanding reduction per year (netto-udestående), with or without carrying shortfalls to the next year",
       "Udestående reduktion pr. år (netto-udestående), med eller uden overførsel af manglende opfyldelse"),
     sv_fn_target_gap,
     {{"TARGETGAP({-2000;-3000;-5000;-7000};{-2000;-2280;-2280;-2280};FALSE();4)", "-4720"},
      {"TARGETGAP({-2000;-3000;-5000;-7000};{-2000;-2280;-2280;-2280};TRUE();4)", "-8160"}},
     4,
     {RANGE("targets", "targets", "reduktionsmål", "Reduction target per year, negative",
            "Reduktionsmål pr. år, negative"),
      RANGE("achieved", "achieved", "opnået", "Reduction achieved per year, negative",
            "Opnået reduktion pr. år, negative"),
      OPTK("carry", "carry", "overfør", sv_bool_keywords, 0, "FALSE", "FALSK",
          "FALSE: each year on its own (the printed row); TRUE: a shortfall is added to next year's target",
          "FALSK: hvert år for sig (den trykte række); SAND: manglende reduktion lægges oven i næste års mål"),
      P_YEAR("year")}},

    {"plFactor", T("PLFACTOR", "PL.FAKTOR"), "Financial",
     T("Factor from one price/wage level (p/l) year to another, from an index series",
       "Faktor fra et pris- og lønniveau (p/l) til et andet, ud fra en indeksserie"),
     sv_fn_pl_factor,
     {{"PLFACTOR(2024;2025;{2024;2025};{100;103})", "1.03"}},
     4,
     {NUMBER("fromyear", "from year", "fra år", "The p/l year the amount is in", "Det p/l-år beløbet er i"),
      NUMBER("toyear", "to year", "til år", "The p/l year wanted", "Det ønskede p/l-år"),
      P_INDEX_YEARS("years"), P_INDEX_VALUES("values")}},

    {"plConvert", T("PLCONVERT", "PL.OMREGN"), "Financial",
     T("An amount converted from one price/wage level (p/l) to another",
       "Et beløb omregnet fra et pris- og lønniveau (p/l) til et andet"),
     sv_fn_pl_convert,
     {{"PLCONVERT(1000;2025;2024;{2024;2025};{100;103})", "970.873786"}},
     5,
     {NUMBER("amount", "amount", "beløb", "The amount to convert", "Beløbet der omregnes"),
      NUMBER("fromyear", "from year", "fra år", "The p/l year the amount is in", "Det p/l-år beløbet er i"),
      NUMBER("toyear", "to year", "til år", "The p/l year wanted", "Det ønskede p/l-år"),
      P_INDEX_YEARS("years"), P_INDEX_VALUES("values")}},

    {"phaseIn", T("PHASEIN", "INDFASNING"), "Financial",
     T("First-year effect of a measure that starts during the year: the full-year effect times the months left",
       "Førsteårseffekt af et tiltag der starter i løbet af året: helårsvirkningen gange de resterende måneder"),
     sv_fn_phase_in,
     {{"PHASEIN(-1200;6)", "-700"}, {"PHASEIN(-1200;1;3)", "-300"}},
     3,
     {NUMBER("fullyear", "full-year effect", "helårsvirkning", "The effect of a whole year",
             "Effekten af et helt år"),
      NUMBER("startmonth", "start month", "startmåned",
             "Month the effect starts, 1-12 (\"fra juni\" = 6 gives 7/12)",
             "Måned effekten starter, 1-12 (\"fra juni\" = 6 giver 7/12)"),
      OPT("months", "months", "måneder", "Number of months with effect, 0-12, instead of the start month",
          "Antal måneder med effekt, 0-12, i stedet for startmåneden")}},

    {"discFactor", T("DISCFACTOR", "DISKONTERINGSFAKTOR"), "Financial",
     T("Discount factor of a year under a (declining) discount-rate schedule; year 0 = 1",
       "Diskonteringsfaktor for et år med en (faldende) diskonteringsrente; år 0 = 1"),
     sv_fn_disc_factor,
     {{"DISCFACTOR(36)", "0.29266"}, {"DISCFACTOR(31;\"UK2022\")", "0.345901"}, {"DISCFACTOR(2;0.04)", "0.924556"}},
     2,
     {NUMBER("year", "year", "år", "Years from today, 0 or more", "År fra i dag, 0 eller flere"),
      P_SCHEDULE("schedule")}},

    {"discSchedule", T("DISCSCHEDULE", "DISKONTERINGSSATSER"), "Financial",
     T("The bands of a discount-rate schedule: from year and rate, one row per band",
       "Diskonteringsrentens intervaller: fra år og rente, én række pr. interval"),
     sv_fn_disc_schedule,
     {{"INDEX(DISCSCHEDULE(\"DK2021\");2;2)", "0.025"}, {"ROWS(DISCSCHEDULE(\"UK2022\"))", "6"}},
     1,
     {P_SCHEDULE("schedule")}},

    {"npvSoc", T("NPVSOC", "NUTIDSVÆRDI.SAMF"), "Financial",
     T("Net present value with a declining social discount rate; the first value is year 0",
       "Nutidsværdi med en faldende samfundsøkonomisk diskonteringsrente; første værdi er år 0"),
     sv_fn_npv_soc,
     {{"NPVSOC({1511;-1130;-1551;-504})", "-1483.24166"}, {"NPVSOC({1511;-1130;-1551;-504};0.035;1)", "-1433.083729"},
      {"INDEX(NPVSOC({100;-110|0;-121};0.1);2;1)", "-110"}},
     3,
     {RANGE("values", "values", "værdier",
            "Amounts per year, first year first; a block of rows gives a column with each row's value",
            "Beløb pr. år, første år først; en blok af rækker giver en kolonne med hver rækkes værdi"),
      P_SCHEDULE("schedule"), P_FIRSTYEAR("firstyear")}},

    {"bcr", T("BCR", "BC.FORHOLD"), "Financial",
     T("Benefit-cost ratio: present value of benefits divided by present value of costs",
       "Gevinst-omkostningsforhold: nutidsværdien af gevinsterne delt med nutidsværdien af udgifterne"),
     sv_fn_bcr,
     {{"BCR({0;-1217;-1631;-504};{1511;87;80;0})", "1.888308"}},
     5,
     {P_BENEFITS("benefits"), P_COSTS("costs"), P_SCHEDULE("schedule"), P_FIRSTYEAR("firstyear"), P_BC_SIGN("sign")}},

    {"netRoi", T("NETROI", "NETTOAFKAST"), "Financial",
     T("Net return: (present value of benefits - costs) / present value of costs",
       "Nettoafkast: (nutidsværdi af gevinster - udgifter) / nutidsværdi af udgifter"),
     sv_fn_net_roi,
     {{"NETROI({0;-1217;-1631;-504};{1511;87;80;0})", "0.888308"}},
     5,
     {P_BENEFITS("benefits"), P_COSTS("costs"), P_SCHEDULE("schedule"), P_FIRSTYEAR("firstyear"), P_BC_SIGN("sign")}},

    {"switchBenefits", T("SWITCHBENEFITS", "SKIFTEVÆRDI"), "Financial",
     T("Switching value: the share by which benefits can fall before the net present value is zero",
       "Skifteværdi: den andel gevinsterne kan falde før nutidsværdien er nul"),
     sv_fn_switch_benefits,
     {{"SWITCHBENEFITS({0;-1217;-1631;-504};{1511;87;80;0})", "0.470425"}},
     5,
     {P_BENEFITS("benefits"), P_COSTS("costs"), P_SCHEDULE("schedule"), P_FIRSTYEAR("firstyear"), P_BC_SIGN("sign")}},

    {"impactAdj", T("IMPACTADJ", "EFFEKTJUSTERING"), "Financial",
     T("A gross effect adjusted for deadweight, displacement, attribution, drop-off and optimism bias",
       "En bruttoeffekt justeret for dødvægt, fortrængning, tilskrivning, aftagende effekt og optimismebias"),
     sv_fn_impact_adj,
     {{"IMPACTADJ(1000;0.2;0.1;0.25;0.1;3)", "437.4"}, {"IMPACTADJ({1000;1000;1000};;;;0.1;3)", "810"}},
     7,
     {RANGE("gross", "gross effect", "bruttoeffekt", "One amount, or a row of amounts per year",
            "Et beløb eller en række beløb pr. år"),
      OPT("deadweight", "deadweight", "dødvægt", "Share that would have happened anyway, 0-1",
              "Andel der ville være sket alligevel, 0-1"),
      OPT("displacement", "displacement", "fortrængning", "Share merely moved from elsewhere, 0-1",
              "Andel der blot er flyttet fra andre steder, 0-1"),
      OPT("attribution", "attribution", "tilskrivning", "Share due to others, 0-1",
              "Andel der skyldes andre, 0-1"),
      OPT("dropoff", "drop-off", "aftagning", "Yearly decline of the effect after year 1, 0-1",
              "Årligt fald i effekten efter år 1, 0-1"),
      OPT("year", "year", "år",
          "For one amount: its year (default 1); for a row: which year to return",
          "For ét beløb: dets år (standard 1); for en række: hvilket år der returneres"),
      OPT("optimism", "optimism bias", "optimismebias", "Haircut on benefits for optimism bias, 0-1",
              "Reduktion af gevinster for optimismebias, 0-1")}},

    {"obUplift", T("OBUPLIFT", "OPTIMISMETILLÆG"), "Financial",
     T("Costs with an optimism-bias uplift, reduced by the share of the bias mitigated",
       "Udgifter med optimismetillæg, reduceret med den andel af biasen der er håndteret"),
     sv_fn_ob_uplift,
     {{"OBUPLIFT(1000;0.44;0.5)", "1220"}},
     3,
     {NUMBER("costs", "costs", "udgifter", "Estimated costs", "Estimerede udgifter"),
      NUMBER("rate", "uplift", "tillæg", "Optimism-bias uplift, e.g. 0.44 (44 %)", "Optimismetillæg, fx 0,44 (44 %)"),
      OPTN("mitigation", "mitigation", "håndteret", 0, "Share of the bias mitigated, 0-1",
           "Andel af biasen der er håndteret, 0-1")}},

    {"share", T("SHARE", "ANDEL"), "Financial",
     T("Amounts split between bodies (kommune, region, stat) by shares that add up to 1",
       "Beløb fordelt mellem parter (kommune, region, stat) efter andele der summer til 1"),
     sv_fn_share,
     {{"SHARE(1000;{0.5;0.3;0.2};2)", "300"}},
     3,
     {RANGE("values", "values", "beløb", "Amounts to split", "Beløb der fordeles"),
      RANGE("shares", "shares", "andele", "Share of each body, adding up to 1", "Hver parts andel, summerer til 1"),
      OPT("which", "which", "hvilken", "Which body (1 = first share) to return; left out = all",
          "Hvilken part (1 = første andel) der returneres; udeladt = alle")}},
};

const size_t sv_function_count = sizeof sv_functions / sizeof sv_functions[0];

socinv_status sv_keyword_arg_given(const sv_call *c, size_t row, size_t i, long *out)
{
    const sv_param *p = &sv_functions[row].params[i];
    return sv_keyword(c, i, p->keywords, p->dflt_code, out);
}

const sv_function *sv_function_find(const char *method, size_t len)
{
    for (size_t i = 0; i < sv_function_count; i++) {
        const char *m = sv_functions[i].method;
        if (strlen(m) == len && memcmp(m, method, len) == 0)
            return &sv_functions[i];
    }
    return NULL;
}
