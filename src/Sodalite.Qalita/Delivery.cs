// How a push reaches a server: retries with exponential backoff and jitter on connection errors, timeouts and 5xx (never on 4xx),
// and what a failure means to the user.
using System.Net;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace Sodalite.Qalita;

/// <summary>Sends requests to one server with retries, and turns what cannot land into a <see cref="PushException"/>.</summary>
/// <param name="http">The client, with the server as its base address.</param>
/// <param name="retries">Retries after the first attempt; 0 or less: one attempt only.</param>
/// <param name="firstDelay">The first retry's delay (1 s by default), doubled at each retry, with jitter.</param>
/// <param name="userAgent">The User-Agent header of every request, product/version as python-requests' own (<c>sodalite/0.1.0</c>).</param>
public sealed class Delivery(HttpClient http, int retries = 4, TimeSpan? firstDelay = null, string userAgent = "sodalite")
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

    /// <summary>The client requests go through (its base address names the server in messages).</summary>
    public HttpClient Http => http;

    /// <summary>
    /// Sends a request made afresh for each attempt (<paramref name="request"/> is called once per attempt) and returns the answer,
    /// any status below 500. Throws <see cref="PushException"/> (<see cref="PushFailure.Unreachable"/>) when the server cannot be
    /// reached or answers 5xx after every retry, and <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <param name="request">Makes the request (a request message can be sent once).</param>
    /// <param name="what">What is being done, for messages ("push to the hub").</param>
    /// <param name="ct">Cancels the sending and the waits between retries.</param>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, string what, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token => await http.SendAsync(Prepare(request()), token), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new PushException(PushFailure.Unreachable, $"{what}: {http.BaseAddress} cannot be reached ({e.Message}).");
        }
        if ((int)response.StatusCode >= 500)
            throw new PushException(PushFailure.Unreachable, $"{what}: {http.BaseAddress} answered {(int)response.StatusCode} after {Math.Max(retries, 0) + 1} attempts.", (int)response.StatusCode);
        return response;
    }

    /// <summary>
    /// The request under the server's URL: a relative path (<c>/api/v1/...</c>) is put after the base address's own path, so an
    /// endpoint <c>https://host/qalita</c> gets <c>https://host/qalita/api/v1/...</c> (HttpClient alone would drop <c>/qalita</c>);
    /// and the User-Agent.
    /// </summary>
    private HttpRequestMessage Prepare(HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative && http.BaseAddress is { } b)
            request.RequestUri = Under(b, relative.OriginalString);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return request;
    }

    /// <summary><paramref name="pathAndQuery"/> under <paramref name="baseAddress"/>'s path: <c>https://h/q</c> and <c>/api/v1/x?a=1</c> give <c>https://h/q/api/v1/x?a=1</c>.</summary>
    public static Uri Under(Uri baseAddress, string pathAndQuery) =>
        new(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + pathAndQuery.TrimStart('/'));

    /// <summary>
    /// The server's own explanation of an error answer: the JSON <c>detail</c> when it gives one, else the body's first 300 characters.
    /// </summary>
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

    /// <summary>What a 401 or 403 means for the token named by <paramref name="tokenSource"/> (where it came from); "" for any other status.</summary>
    public static string TokenHint(HttpStatusCode status, string tokenSource) => status switch
    {
        HttpStatusCode.Unauthorized => $"the token ({tokenSource}) was rejected (401): check it, or create a new one",
        HttpStatusCode.Forbidden => $"the token ({tokenSource}) may not do this (403): it needs a role that can write (admin or dataengineer)",
        _ => "",
    };
}
