using System.Text;

namespace Certa.Integration.Tests.Hostile;

/// <summary>A value to put where a parameter goes; <see cref="Raw"/> values are already percent-encoded and sent as they are.</summary>
public sealed record BadText(string Label, string Value, bool Raw = false);

/// <summary>A whole request body: its bytes and declared content type (null: no Content-Type header).</summary>
public sealed record BadBody(string Label, byte[] Content, string? ContentType);

/// <summary>
/// The hostile corpus's values: wrong types, huge values, unicode edge cases, injection strings, traversal, malformed
/// JSON/CSV/NDJSON, files that lie about their type, and forged credentials. Kept under the server's line and header limits
/// where the point is to reach the application, and over its body limits where the point is the limit.
/// </summary>
public static class BadValues
{
    /// <summary>Above Kestrel's 30 MB request body limit (and DocumentRules' 20 MiB).</summary>
    public const int OversizedBytes = 31 * 1024 * 1024;

    public static IReadOnlyList<BadText> Texts { get; } =
    [
        new("empty", ""),
        new("blank", "   "),
        new("word-null", "null"),
        new("letters", "abc"),
        new("negative", "-1"),
        new("zero", "0"),
        new("fraction", "1.5"),
        new("exponent", "1e400"),
        new("int-overflow", "2147483648"),
        new("huge-number", new string('9', 400)),
        new("nan", "NaN"),
        new("json-array", "[]"),
        new("json-object", "{}"),
        new("long-text", new string('a', 4000)),
        new("rtl-override", "\u202Egnp.exe"),
        new("nul", "a\u0000b"),
        new("combining", "e\u0301\u0301\u0301\u0301\u0301"),
        new("emoji", "😀🇨🇳👨‍👩‍👧"),
        new("full-width-digits", "２０２６０１０９０２０００００１"),
        new("bom-zero-width", "\uFEFF\u200B1"),
        new("cjk", "笔记本电脑"),
        new("lone-surrogate", "%ED%A0%80", Raw: true),
        new("invalid-utf8", "%FF%FE%C0%AF", Raw: true),
        new("sql-or", "' OR '1'='1"),
        new("sql-drop", "1; DROP TABLE \"Certificates\"; --"),
        new("sql-union", "x' UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --"),
        new("html-script", "<script>alert(1)</script>"),
        new("html-attr", "\"><img src=x onerror=alert(1)>"),
        new("template", "${7*7}{{7*7}}"),
        new("format", "%s%s%n%x{0}"),
        new("formula", "=HYPERLINK(\"http://x\")"),
        new("traversal", "../../etc/passwd"),
        new("traversal-windows", "..\\..\\windows\\win.ini"),
        new("traversal-encoded", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", Raw: true),
        new("traversal-half-encoded", "..%2f..%2fetc%2fpasswd", Raw: true),
        new("traversal-double-encoded", "%252e%252e%252fetc%252fpasswd", Raw: true),
        new("encoded-nul", "x%00.pdf", Raw: true),
        new("guid-empty", "00000000-0000-0000-0000-000000000000"),
        new("guid-braced", "{6f9619ff-8b86-d011-b42d-00cf4fc964ff}"),
        new("date-invalid", "2026-02-30"),
        new("date-far", "99999-12-31"),
        new("crlf", "a\r\nSet-Cookie: x=y"),
    ];

    /// <summary>JSON values for a body field: wrong types, huge, deep, and the texts above as JSON strings.</summary>
    public static IReadOnlyList<(string Label, string Json)> JsonValues { get; } =
    [
        ("number", "123"),
        ("negative", "-1"),
        ("exponent", "1e400"),
        ("huge-integer", new string('9', 10_000)),
        ("true", "true"),
        ("array", "[]"),
        ("array-of-junk", "[1,\"a\",null,{},[]]"),
        ("object", "{}"),
        ("object-junk", "{\"$type\":\"System.IO.FileInfo\",\"__proto__\":{\"admin\":true}}"),
        ("null", "null"),
        ("deep-nesting", Deep(2_000)),
        ("megabyte-string", "\"" + new string('x', 1024 * 1024) + "\""),
        ("lone-surrogate-escape", "\"\\ud800\""),
        ("reversed-surrogates", "\"\\udc00\\ud800\""),
        ("nul-escape", "\"a\\u0000b\""),
        ("rtl-override", "\"\\u202egnp.exe\""),
        ("combining", "\"e\u0301\u0301\u0301\u0301\""),
        ("emoji", "\"😀🇨🇳\""),
        ("full-width-digits", "\"２０２６\""),
        ("sql", "\"' OR '1'='1'; DROP TABLE \\\"Certificates\\\"; --\""),
        ("html-script", "\"<script>alert(1)</script>\""),
        ("formula", "\"=HYPERLINK(\\\"http://x\\\")\""),
        ("traversal", "\"../../etc/passwd\""),
        ("empty-string", "\"\""),
        ("date-invalid", "\"2026-13-45T99:99:99Z\""),
        ("guid-junk", "\"not-a-guid\""),
    ];

    /// <summary>Whole JSON bodies that are not what any endpoint takes.</summary>
    public static IReadOnlyList<BadBody> JsonBodies { get; } =
    [
        new("empty", [], "application/json"),
        new("truncated", Utf8("{\"reason\":"), "application/json"),
        new("unclosed", Utf8("{"), "application/json"),
        new("array", Utf8("[]"), "application/json"),
        new("null", Utf8("null"), "application/json"),
        new("string", Utf8("\"hello\""), "application/json"),
        new("two-objects", Utf8("{} {}"), "application/json"),
        new("trailing-comma", Utf8("{\"reason\":\"x\",}"), "application/json"),
        new("comment", Utf8("/* hi */ {}"), "application/json"),
        new("single-quotes", Utf8("{'reason':'x'}"), "application/json"),
        new("deep-nesting", Utf8(Deep(100_000)), "application/json"),
        new("invalid-utf8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC0, 0xAF, 0x22, 0x7D], "application/json"),
        new("utf16", Encoding.Unicode.GetBytes("{\"reason\":\"x\"}"), "application/json"),
        new("nul-bytes", [0x7B, 0x00, 0x00, 0x7D], "application/json"),
        new("charset-utf7", Utf8("{\"reason\":\"+ADw-script+AD4-\"}"), "application/json; charset=utf-7"),
        new("xml", Utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), "application/xml"),
        new("text-plain", Utf8("{\"reason\":\"x\"}"), "text/plain"),
        new("form", Utf8("reason=x&__proto__=1"), "application/x-www-form-urlencoded"),
        new("multipart-garbage", Utf8("--b\r\nContent-Disposition: form-data; name=\"../../x\"\r\n\r\n"), "multipart/form-data; boundary=b"),
        new("no-content-type", Utf8("{}"), null),
    ];

    /// <summary>Files that claim to be a PDF or an image but are not, and files past the size limit.</summary>
    public static IReadOnlyList<BadBody> Files { get; } =
    [
        new("empty", [], "application/pdf"),
        new("html-as-pdf", Utf8("<!doctype html><html><script>alert(1)</script></html>"), "application/pdf"),
        new("exe-as-pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "application/pdf"),
        new("svg-as-png", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "image/png"),
        new("zip-as-jpeg", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "image/jpeg"),
        new("pdf-prefix-only", Utf8("%PD"), "application/pdf"),
        new("json-as-pdf", Utf8("{\"a\":1}"), "application/json"),
    ];

    /// <summary>Bulk verification input that is not well-formed CSV or NDJSON.</summary>
    public static IReadOnlyList<BadBody> BulkBodies { get; } =
    [
        new("csv-unterminated-quote", Utf8("number\n\"2026010902000001\n"), "text/csv"),
        new("csv-nul", [0x6E, 0x75, 0x6D, 0x0A, 0x31, 0x00, 0x32, 0x0A], "text/csv"),
        new("csv-invalid-utf8", [0x6E, 0x0A, 0xFF, 0xFE, 0xC0, 0xAF, 0x0A], "text/csv"),
        new("csv-many-columns", Utf8("number\n" + string.Join(',', Enumerable.Repeat("x", 100_000)) + "\n"), "text/csv"),
        new("csv-megabyte-line", Utf8(new string('9', 2 * 1024 * 1024)), "text/csv"),
        new("csv-formula", Utf8("number,model,holder\n=HYPERLINK(\"http://x\"),+1,@SUM(A1)\n"), "text/csv"),
        new("csv-binary", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xFF, 0xFF], "text/csv"),
        new("ndjson-truncated", Utf8("{\"number\":\n"), "application/x-ndjson"),
        new("ndjson-wrong-types", Utf8("{\"number\":{}}\n[1,2]\n\"x\"\nnull\n{\"number\":1e400}\n"), "application/x-ndjson"),
        new("ndjson-deep", Utf8(Deep(5_000) + "\n"), "application/x-ndjson"),
        new("ndjson-lone-surrogate", Utf8("{\"number\":\"\\ud800\"}\n"), "application/x-ndjson"),
        new("wrong-type-json", Utf8("[\"2026010902000001\"]"), "application/json"),
        new("wrong-type-xml", Utf8("<numbers/>"), "application/xml"),
    ];

    /// <summary>Credentials nobody issued: garbage and forged bearer tokens, API keys and cookies.</summary>
    public static IReadOnlyList<(string Label, string Header, string Value)> ForgedCredentials { get; } =
    [
        ("bearer-garbage", "Authorization", "Bearer garbage"),
        ("bearer-empty", "Authorization", "Bearer "),
        ("bearer-forged-key", "Authorization", "Bearer ck_" + new string('A', 43)),
        ("bearer-jwt-alg-none-expired", "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJwbGF0Zm9ybV9hZG1pbiIsImV4cCI6MX0."),
        ("basic", "Authorization", "Basic YWRtaW5AY2VydGEtcGxhdGZvcm0uZXhhbXBsZTphZG1pbg=="),
        ("unknown-scheme", "Authorization", "Negotiate TlRMTVNTUAABAAAAB4IIog=="),
        ("api-key-sql", "X-Api-Key", "ck_' OR 1=1 --"),
        ("api-key-long", "X-Api-Key", "ck_" + new string('z', 6000)),
        ("cookie-garbage", "Cookie", "certa.session=garbage"),
        ("cookie-forged", "Cookie", "certa.session=CfDJ8" + Convert.ToBase64String(new byte[300]).Replace('+', '-').Replace('/', '_').TrimEnd('=')),
        ("cookie-culture-traversal", "Cookie", ".AspNetCore.Culture=c%3D..%2F..%2Fetc%7Cuic%3Dxx-<script>; certa.antiforgery=x"),
        ("cookie-many", "Cookie", string.Join("; ", Enumerable.Range(0, 200).Select(i => $"c{i}=v{i}"))),
    ];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A valid-looking PDF of <paramref name="bytes"/> bytes: the magic, then zeros.</summary>
    public static byte[] PdfOf(int bytes)
    {
        var content = new byte[bytes];
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }

    private static string Deep(int levels) => new string('[', levels) + new string(']', levels);
}
