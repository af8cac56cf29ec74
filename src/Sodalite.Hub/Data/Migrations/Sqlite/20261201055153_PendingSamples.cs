using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sodalite.Hub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceName = table.Column<string>(type: "TEXT", nullable: true),
                    DataSourceName = table.Column<string>(type: "TEXT", nullable: false),
                    DatasetName = table.Column<string>(type: "TEXT", nullable: true),
                    CheckName = table.Column<string>(type: "TEXT", nullable: false),
                    DataTimestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ColumnsJson = table.Column<string>(type: "TEXT", nullable: false),
                    RowsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TotalRowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingSamples", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingSamples_DataSourceName",
                table: "PendingSamples",
                column: "DataSourceName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingSamples");
        }
    }
}
