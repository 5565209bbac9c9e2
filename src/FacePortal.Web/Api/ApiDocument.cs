using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FacePortal.Web.Api;

/// <summary>
/// The API's contract: an OpenAPI 3.1 document generated from the <c>/api/v1</c>
/// endpoints at <c>/openapi/v1.json</c> (any valid key, or a signed-in admin), with the key scheme,
/// each operation's scope, its errors as problem details and request examples; and the Scalar
/// reference page on it at <c>/scalar</c>, for signed-in admins.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";
    private const string KeyScheme = "ApiKey";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "FacePortal integration API",
                    Version = "v1",
                    Description = "Face detection, recognition, verification and people management for other systems. "
                        + $"Authenticate with an application key in the {ApiKeyDefaults.HeaderName} header; an administrator creates keys on the Applications page. "
                        + "Every error is answered as problem details (application/problem+json) with a sentence in 'detail'.",
                };

                // The document is the same whichever host serves it, so the committed snapshot stays stable.
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyDefaults.HeaderName,
                    Description = "An application key (fpk_...), shown once when an administrator creates or rotates it. Each operation names the scope it needs.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<RequiredScope>().FirstOrDefault() is { } scope)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [scope.Name] }];
                    operation.Description = $"{operation.Description} Scope: {scope.Name}.".Trim();
                }

                if (metadata.OfType<SignedInAdminOnly>().Any())
                {
                    operation.Security = [];
                    operation.Description = $"{operation.Description} For signed-in administrators only (the portal's sign-in cookie; writes carry the antiforgery header); application keys are refused with 403.".Trim();
                }

                // One entry per body shape: base64 strings in JSON, binary file parts in multipart (format: binary, so generated clients send files).
                var bodies = metadata.OfType<DocumentedBody>().ToList();
                if (bodies.Count > 0)
                {
                    var content = new Dictionary<string, OpenApiMediaType>();
                    foreach (var body in bodies)
                    {
                        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct);
                        foreach (var contentType in body.ContentTypes)
                        {
                            content[contentType] = new OpenApiMediaType { Schema = schema };
                        }
                    }

                    operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
                }

                if (metadata.OfType<RequestExample>().FirstOrDefault() is { } example
                    && operation.RequestBody?.Content?.TryGetValue(example.ContentType, out var media) == true)
                {
                    media.Example = JsonNode.Parse(example.Json);
                }
            });
        });

    /// <summary>The document for keys and admins, and the reference page for admins.</summary>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).RequireAuthorization(ApiPolicies.AnyApplication);
        app.MapScalarApiReference(ReferencePath, o =>
        {
            o.Title = "FacePortal integration API";
            o.OpenApiRoutePattern = Path;

            // The fonts would come from Scalar's servers, which the portal's policy (and an offline install) does not reach.
            o.DefaultFonts = false;

            // Its one inline script runs by a per-response nonce that SecurityHeaders puts in the page's policy.
            o.WithNonce();

            // A self-hosted product's reference, not the vendor's storefront: no "Deploy" / "Generate SDK" toolbar,
            // no "Ask AI" (Agent Scalar, which would send the document to Scalar's servers), no MCP and no client button.
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.Agent = new ScalarAgentOptions { Disabled = true };
            o.Mcp = new ScalarMcpOptions { Disabled = true };
            o.HideClientButton = true;
        }).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>
    /// The body an endpoint reads itself, for the document only. <c>Accepts</c> would also make routing
    /// answer other content types with a bare 415 before the endpoint, its authorization and its sentence.
    /// </summary>
    public static RouteHandlerBuilder WithDocumentedBody<TBody>(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new DocumentedBody(typeof(TBody), contentTypes));

    /// <summary>
    /// The problems of an operation that stores one person's photos from the request body, as the photo readers
    /// (<see cref="PhotoInput"/>, <see cref="Uploads.MultipartSpool"/>) answer them: 400 malformed, 404 no such person, 413 too large,
    /// 415 a body it does not read, 507 a disk that would not hold them. Each operation declares its own 422 (which face).
    /// </summary>
    public static RouteHandlerBuilder ProducesPersonPhotoProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status507InsufficientStorage);

    /// <summary>An example request body for the document.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string contentType, string json)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequestExample(contentType, json));
}

/// <summary>Endpoint metadata: the type whose schema documents a body the endpoint reads itself, and its content types.</summary>
public sealed record DocumentedBody(Type Type, IReadOnlyList<string> ContentTypes);

/// <summary>Endpoint metadata: an example request body, JSON text, for one content type.</summary>
public sealed record RequestExample(string ContentType, string Json);
