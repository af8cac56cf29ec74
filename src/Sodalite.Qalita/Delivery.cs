// How a push reaches a server: retries with exponential backoff and jitter on connection errors, timeouts and 5xx (never on 4xx),
// and what a failure means to the user.
using System.Net;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace Sodalite.Qalita;

/// <summary>Why a push did not land: the server said no (fix the token or id), or it could not be reached (kept in the outbox).</summary>
public enum PushFailure { Rejected, Unreachable }

public sealed class PushException(PushFailure failure, string message) : Exception(message)
{
    public PushFailure Failure { get; } = failure;
}

public sealed class Delivery(HttpClient http, int retries = 4, TimeSpan? firstDelay = null)
{
    // retries of 0 or less (SODALITE_PUSH_RETRIES=0) mean one attempt: Polly refuses MaxRetryAttempts below 1.
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = retries <= 0 ? ResiliencePipeline<HttpResponseMessage>.Empty : new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>()
                .HandleResult(r => (int)r.StatusCode >= 500),
            MaxRetryAttempts = retries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay ?? TimeSpan.FromSeconds(1),
        })
        .Build();

    public HttpClient Http => http;

    /// <summary>Sends a request made afresh for each attempt; throws <see cref="PushException"/> when it cannot land.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, string what, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token => await http.SendAsync(request(), token), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new PushException(PushFailure.Unreachable, $"{what}: {http.BaseAddress} cannot be reached ({e.Message}).");
        }
        if ((int)response.StatusCode >= 500)
            throw new PushException(PushFailure.Unreachable, $"{what}: {http.BaseAddress} answered {(int)response.StatusCode} after {retries + 1} attempts.");
        return response;
    }

    /// <summary>The server's own explanation of an error answer, when it gives one.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        try
        {
            if (JsonNode.Parse(text) is JsonObject o && o["detail"] is { } d) return d.ToString();
        }
        catch (System.Text.Json.JsonException) { }
        return text.Length > 300 ? text[..300] : text;
    }

    public static string TokenHint(HttpStatusCode status, string tokenSource) => status switch
    {
        HttpStatusCode.Unauthorized => $"the token ({tokenSource}) was rejected (401): check it, or create a new one",
        HttpStatusCode.Forbidden => $"the token ({tokenSource}) may not do this (403): it needs a role that can write (admin or dataengineer)",
        _ => "",
    };
}
