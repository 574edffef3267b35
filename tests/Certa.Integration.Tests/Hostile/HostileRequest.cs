namespace Certa.Integration.Tests.Hostile;

/// <summary>Who sends a request: a label for the report and the client holding that actor's credentials (or none).</summary>
public sealed record HostileActor(string Label, HttpClient Client);

/// <summary>One request of the corpus: the operation it aims at, what is bad about it, and how to send it.</summary>
public sealed record HostileRequest(ApiOperation Operation, string Variant, HostileActor Actor, string Url, BadBody? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body.Content);
            // As curl does for a large body: the server may refuse it from the headers alone, before it is sent.
            message.Headers.ExpectContinue = Body.Content.Length > 1024 * 1024;
            if (Body.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", Body.ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString() => $"{Operation} [{Variant}] as {Actor.Label}: {Shorten(Url)}";

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}…({text.Length} chars)";
}
