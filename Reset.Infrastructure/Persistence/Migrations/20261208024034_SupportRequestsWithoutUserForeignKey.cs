using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reset.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupportRequestsWithoutUserForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_support_requests_users_user_id",
                table: "support_requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_support_requests_users_user_id",
                table: "support_requests",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
