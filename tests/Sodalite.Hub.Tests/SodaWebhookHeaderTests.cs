// The Soda Cloud webhook guarded by the custom header configured on Soda Cloud's integration (SODALITE_SODA_WEBHOOK_HEADER).
using System.Net;
using System.Text;
using Sodalite.TestSupport;

namespace Sodalite.Hub.Tests;

public sealed class SodaWebhookHeaderTests(SqliteHubWithWebhookHeader hub) : IClassFixture<SqliteHubWithWebhookHeader>
{
    private async Task<HttpStatusCode> Send(string? headerValue)
    {
        using var c = hub.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/integrations/soda/webhook")
        {
            Content = new StringContent("""{"event":"validate","sentAt":"2022-10-01T09:12:10.042323Z"}""", Encoding.UTF8, "application/json"),
        };
        if (headerValue is not null) request.Headers.Add(SqliteHubWithWebhookHeader.HeaderName, headerValue);
        return (await c.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task The_webhook_accepts_the_configured_header() =>
        Assert.Equal(HttpStatusCode.OK, await Send(SqliteHubWithWebhookHeader.HeaderValue));

    [Fact]
    public async Task The_webhook_refuses_a_missing_or_wrong_header()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send("wrong"));
    }

    [Fact]
    public void A_header_setting_is_a_name_and_a_value()
    {
        Assert.Equal(("X-Soda-Secret", "a: b"), HubOptions.ParseHeader(" X-Soda-Secret : a: b "));
        Assert.Null(HubOptions.ParseHeader("no colon"));
        Assert.Null(HubOptions.ParseHeader(": value"));
        Assert.Equal("X-A: 1", new HubOptions().WithEnvironment(n => n == "SODALITE_SODA_WEBHOOK_HEADER" ? "X-A: 1" : null).SodaWebhookHeader);
    }
}
