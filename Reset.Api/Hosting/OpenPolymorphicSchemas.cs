using NJsonSchema;
using NJsonSchema.Generation;

namespace Reset.Api.Hosting;

/// <summary>
/// Lets a polymorphic type's schemas accept each other's properties. NJsonSchema closes every object
/// (<c>additionalProperties: false</c>), the base with its discriminator and each derived type's own part
/// of its <c>allOf</c> alike, so no body could pass both: a validator would refuse the real
/// <c>{"method":"email","destination":…}</c> and Spectral refuses the example.
/// </summary>
internal sealed class OpenPolymorphicSchemas : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        if (schema.DiscriminatorObject is not null)
        {
            schema.AllowAdditionalProperties = true;
        }

        if (schema.AllOf.Any(part => part.HasReference && part.Reference!.DiscriminatorObject is not null))
        {
            foreach (var part in schema.AllOf.Where(part => !part.HasReference))
            {
                part.AllowAdditionalProperties = true;
            }
        }
    }
}
