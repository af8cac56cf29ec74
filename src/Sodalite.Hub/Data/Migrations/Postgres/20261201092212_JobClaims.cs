using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sodalite.Hub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClaimedAt",
                table: "Jobs",
                type: "timestamp with time zone",
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
