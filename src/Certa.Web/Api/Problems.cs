using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Api;

public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found",
            detail: $"There is no {what.ToLowerInvariant()} '{id}'.");
}
