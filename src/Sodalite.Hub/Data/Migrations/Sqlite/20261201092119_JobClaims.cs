using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sodalite.Hub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "Jobs");
        }
    }
}
