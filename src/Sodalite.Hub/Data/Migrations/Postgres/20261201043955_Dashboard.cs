using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sodalite.Hub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Errors",
                table: "Scores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ErrorCount",
                table: "Scans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ErroredChecks",
                table: "Scans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "Checks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "CheckResults",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CheckSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScanId = table.Column<int>(type: "integer", nullable: false),
                    CheckId = table.Column<int>(type: "integer", nullable: false),
                    ColumnsJson = table.Column<string>(type: "text", nullable: false),
                    RowsJson = table.Column<string>(type: "text", nullable: false),
                    StoredRowCount = table.Column<int>(type: "integer", nullable: false),
                    TotalRowCount = table.Column<long>(type: "bigint", nullable: true),
                    Truncated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckSamples_Checks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "Checks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckSamples_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ErroredChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScanId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    CheckId = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErroredChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErroredChecks_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScanId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    Location = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanLogs_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckSamples_CheckId_ScanId",
                table: "CheckSamples",
                columns: new[] { "CheckId", "ScanId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckSamples_ScanId",
                table: "CheckSamples",
                column: "ScanId");

            migrationBuilder.CreateIndex(
                name: "IX_ErroredChecks_DatasetId",
                table: "ErroredChecks",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_ErroredChecks_ScanId",
                table: "ErroredChecks",
                column: "ScanId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanLogs_ScanId_Index",
                table: "ScanLogs",
                columns: new[] { "ScanId", "Index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckSamples");

            migrationBuilder.DropTable(
                name: "ErroredChecks");

            migrationBuilder.DropTable(
                name: "ScanLogs");

            migrationBuilder.DropColumn(
                name: "Errors",
                table: "Scores");

            migrationBuilder.DropColumn(
                name: "ErrorCount",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "ErroredChecks",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "Checks");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "CheckResults");
        }
    }
}
