using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reset.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SealedOutboxContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "sealed_content",
                table: "outbox_messages",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sealed_content",
                table: "outbox_messages");
        }
    }
}
