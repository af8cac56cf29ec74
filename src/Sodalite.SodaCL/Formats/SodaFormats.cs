// The built-in valid/missing/invalid formats of Soda Core v3 (spec/sodacl.md §1.7), regex for regex.
namespace Sodalite.SodaCL.Formats;

public static class SodaFormats
{
    private const string S = " *", Sign = "[-+]?", Plus = @"\+?", Min = @"\-", Digits = "[0-9]+";
    private const string Dpc = @"(\d+([\.,]\d+)?|([\.,]\d+))", Dp = @"(\d+(\.\d+)?|(\.\d+))", Dc = @"(\d+(,\d+)?|(,\d+))";
    private const string ZeroInt = "0+", Zpc = @"(0+([\.,]0+)?|([\.,]0+))", Zp = @"(0+(\.0+)?|(\.0+))", Zc = "(0+(,0+)?|(,0+))";
    private const string MoneyPoint = @"\d{1,3}(\,\d\d\d)*(.\d+)?", MoneyComma = @"\d{1,3}(\.\d\d\d)*(,\d+)?", Currency = "([A-Z]{3}|[a-z]{3})";
    private const string Day = "(0?[1-9]|[12][0-9]|3[01])", Month = "(0?[1-9]|1[012])", Year = @"([12][0-9])?\d\d";
    private const string Hour24 = @"(0?[0-9]|[01]\d|2[0-3])", Hour12 = "(0?[0-9]|1[0-2])", Minute = "[0-5]?[0-9]", Second = @"[0-5]?[0-9]([.,]\d+)?";
    private const string Year4 = "[12][0-9]{3}", Month2 = "(0[1-9]|1[012])", Day2 = "(0[1-9]|[12][0-9]|3[01])", Minute2 = "[0-5][0-9]", Second2 = Minute2;

    private static string Dec(string d) => $"^{S}{Sign}{S}{d}{S}$";
    private static string Pos(string d) => $"^{S}{Plus}{S}{d}{S}$";
    private static string Neg(string d, string z) => $"^{S}({Min}{S}{d}|{z}){S}$";
    /// <summary>A percentage format: its decimal's regex with "{s}%{s}" in place of the final "{s}" (Soda's exact text, one " *" before "%").</summary>
    private static string Pct(string re) => re[..^(S.Length + 1)] + $"{S}%{S}$";

    /// <summary>Name → regex, in Soda's order. The numeric ones run from "integer" through "money comma".</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Build();

    public static IReadOnlySet<string> Numeric { get; } = new HashSet<string>(All.Keys.TakeWhile(k => k != "date us"));

    public static bool IsNumeric(string format) => Numeric.Contains(format);

    private static Dictionary<string, string> Build()
    {
        var f = new Dictionary<string, string>
        {
            ["integer"] = $"^{S}{Sign}{S}{Digits}{S}$",
            ["positive integer"] = $"^{S}{Plus}{S}{Digits}{S}$",
            ["negative integer"] = $"^{S}({Min}{S}{Digits}|{ZeroInt}){S}$",
            ["decimal"] = Dec(Dpc),
            ["positive decimal"] = Pos(Dpc),
            ["negative decimal"] = Neg(Dpc, Zpc),
            ["decimal point"] = Dec(Dp),
            ["positive decimal point"] = Pos(Dp),
            ["negative decimal point"] = Neg(Dp, Zp),
            ["decimal comma"] = Dec(Dc),
            ["positive decimal comma"] = Pos(Dc),
            ["negative decimal comma"] = Neg(Dc, Zc),
        };
        f["percentage"] = Pct(f["decimal"]);
        f["positive percentage"] = Pct(f["positive decimal"]);
        f["negative percentage"] = Pct(f["negative decimal"]);
        f["percentage point"] = Pct(f["decimal point"]);
        f["positive percentage point"] = Pct(f["positive decimal point"]);
        f["negative percentage point"] = Pct(f["negative decimal point"]);
        f["percentage comma"] = Pct(f["decimal comma"]);
        f["positive percentage comma"] = Pct(f["positive decimal comma"]);
        f["negative percentage comma"] = Pct(f["negative decimal comma"]);
        f["money"] = $"^{S}{Sign}{S}{Dpc}{S}{Currency}{S}$";
        f["money point"] = $"^{S}{Sign}{S}{MoneyPoint}{S}{Currency}{S}$";
        f["money comma"] = $"^{S}{Sign}{S}{MoneyComma}{S}{Currency}{S}$";
        f["date us"] = $@"^{S}{Month}[-\./]{Day}[-\./]{Year}{S}$";
        f["date eu"] = $@"^{S}{Day}[-\./]{Month}[-\./]{Year}{S}$";
        f["date inverse"] = $@"^{S}{Year}[-\./]{Month}[-\./]{Day}{S}$";
        f["date iso 8601"] = $@"^{S}{Year4}-?({Month2}-?{Day2}|W[0-5]\d(-?[1-7])?|[0-3]\d\d)([ T]{Hour24}(:?{Minute2}(:?{Second2}([.,]\d+)?)?)?([+-]{Hour24}:?{Minute2}|Z)?)?{S}$";
        f["time 24h"] = $"^{S}{Hour24}:{Minute}(:{Second})?{S}$";
        f["time 24h nosec"] = $"^{S}{Hour24}:{Minute}{S}$";
        f["time 12h"] = $"^{S}{Hour12}:{Minute}(:{Second})?{S}$";
        f["time 12h nosec"] = $"^{S}{Hour12}:{Minute}{S}$";
        f["timestamp 24h"] = $"^{S}{Hour24}:{Minute}:{Second}{S}$";
        f["timestamp 12h"] = $"^{S}{Hour12}:{Minute}:{Second}{S}$";
        f["uuid"] = @"^[0-9a-fA-F]{8}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{12}$";
        f["ip address"] = @"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$";
        f["ipv4 address"] = @"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$";
        f["ipv6 address"] = @"^(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))$";
        f["email"] = @"^[a-zA-ZÀ-ÿĀ-ſƀ-ȳ0-9.\-_%+]+@[a-zA-ZÀ-ÿĀ-ſƀ-ȳ0-9.\-_%]+\.[A-Za-z]{2,4}$";
        f["phone number"] = @"^((\+[0-9]{1,2}\s)?\(?[0-9]{3}\)?[\s.-])?[0-9]{3}[\s.-][0-9]{4}$";
        f["credit card number"] = "^[0-9]{14}|[0-9]{15}|[0-9]{16}|[0-9]{17}|[0-9]{18}|[0-9]{19}|([0-9]{4}-){3}[0-9]{4}|([0-9]{4} ){3}[0-9]{4}$";
        return f;
    }
}
