using System.Reflection;
using NJsonSchema.Annotations;
using NJsonSchema.Generation;

namespace Reset.Api.Hosting;

/// <summary>
/// Schema names in the OpenAPI document: a type's <c>[JsonSchema("Name")]</c> where it has one,
/// else FastEndpoints' short name. Feature folders all call their models Request and Response, so
/// those need a name of their own or the document fills with Response2, Response3, ….
/// </summary>
internal sealed class SchemaNames(ISchemaNameGenerator fallback) : ISchemaNameGenerator
{
    public string Generate(Type type) => type.GetCustomAttribute<JsonSchemaAttribute>()?.Name ?? fallback.Generate(type);
}
