using Certa.Domain.Common;

namespace Certa.Web.Access;

/// <summary>Turns a domain refusal into an RFC 9457 problem: the rule's code, the reason, the field at fault.</summary>
internal sealed class DomainProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException e)
        {
            return ToProblem(e);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Someone else changed the same thing first (two simultaneous decisions): theirs stands, this one changed nothing.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
                detail: "Someone else changed this at the same moment and their change was saved first. Reload it and decide again.",
                extensions: new Dictionary<string, object?> { ["code"] = "changed-meanwhile" });
        }
    }

    public static IResult ToProblem(DomainException e)
    {
        var status = e.Kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = e.Code };
        if (e.Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        }

        return TypedResults.Problem(statusCode: status, title: Title(e.Kind), detail: e.Message, extensions: extensions);
    }

    private static string Title(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => "Invalid request",
        RefusalKind.Conflict => "Not possible now",
        RefusalKind.Forbidden => "Not allowed",
        RefusalKind.NotFound => "Not found",
    };
}
