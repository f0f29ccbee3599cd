#include "domain/messages.hpp"

#include <array>
#include <cctype>

namespace diplomado {
namespace {

struct Message {
  std::string_view key;
  std::string_view es;
  std::string_view en;
};

constexpr std::array messages{
    Message{"error.invalid_input", "Hay datos no válidos en la solicitud.", "The request has invalid data."},
    Message{"error.unauthenticated", "Inicie sesión para continuar.", "Please sign in to continue."},
    Message{"error.forbidden", "Su rol no permite esta acción.", "Your role does not allow this action."},
    Message{"error.not_found", "No se encontró el recurso solicitado.", "The requested resource was not found."},
    Message{"error.route_not_found", "No existe esa dirección en la API.", "There is no such address in the API."},
    Message{"error.method_not_allowed", "Ese método no se admite en esta dirección.", "That method is not allowed at this address."},
    Message{"error.csrf", "Falta el encabezado X-CSRF-Token o no es válido.", "The X-CSRF-Token header is missing or invalid."},
    Message{"error.payload_too_large", "El cuerpo de la solicitud es demasiado grande.", "The request body is too large."},
    Message{"error.unsupported_media_type", "El cuerpo debe enviarse como application/json.", "The body must be sent as application/json."},
    Message{"error.malformed_json", "El cuerpo no es JSON válido.", "The body is not valid JSON."},
    Message{"error.internal", "Ocurrió un error interno. Intente de nuevo.", "An internal error occurred. Please try again."},
    Message{"error.unavailable", "La base de datos no está disponible.", "The database is not available."},
    Message{"error.sign_in.invalid_credentials", "Correo o contraseña incorrectos.", "Wrong e-mail or password."},
    Message{"error.sign_in.throttled", "Demasiados intentos fallidos. Espere antes de volver a intentarlo.",
            "Too many failed attempts. Please wait before trying again."},
    Message{"error.programme.not_found", "No se encontró el programa.", "The programme was not found."},
    Message{"error.programme.unknown_code", "No existe un programa con ese código.", "There is no programme with that code."},
    Message{"error.field.required", "Este campo es obligatorio.", "This field is required."},
    Message{"error.field.type_string", "Debe ser un texto.", "It must be a text."},
    Message{"error.field.positive_integer", "Debe ser un número entero positivo.", "It must be a positive whole number."},
    Message{"error.field.per_page_range", "Debe ser un número entero entre 1 y 200.", "It must be a whole number from 1 to 200."},
    Message{"error.field.email", "No es una dirección de correo válida.", "It is not a valid e-mail address."},
    Message{"error.field.email_taken", "Ya existe un usuario con ese correo.", "A user with that e-mail already exists."},
    Message{"error.field.role", "Rol desconocido.", "Unknown role."},
    Message{"error.field.password_length", "La contraseña debe tener entre 12 y 1024 caracteres.",
            "The password must have from 12 to 1024 characters."},
    Message{"error.grading.percentage", "Debe ser un porcentaje entre 0 y 100.", "It must be a percentage from 0 to 100."},
    Message{"error.grading.rounding", "Los decimales del redondeo deben ir de 0 a 3.", "Rounding decimals must be from 0 to 3."},
    Message{"error.grading.negative_weight", "Un peso no puede ser negativo.", "A weight cannot be negative."},
    Message{"error.grading.module_weights_sum", "Los pesos de los módulos deben sumar más de cero.", "The module weights must add up to more than zero."},
    Message{"error.grading.assessment_weights_sum", "Las evaluaciones de este módulo deben tener pesos que sumen más de cero.",
            "This module's assessments must have weights that add up to more than zero."},
    Message{"error.grading.max_score", "El puntaje máximo debe ser mayor que cero.", "The maximum score must be greater than zero."},
    Message{"error.grading.test_in_module", "La prueba de entrada o de salida es del programa, no de un módulo.",
            "The pre-test and post-test belong to the programme, not to a module."},
    Message{"error.grading.module_required", "Esta evaluación debe pertenecer a un módulo.", "This assessment must belong to a module."},
    Message{"error.grading.not_a_number", "La nota no es un número (use 8,5 u 8.5).", "The grade is not a number (use 8.5 or 8,5)."},
    Message{"error.grading.negative_score", "La nota no puede ser negativa.", "The grade cannot be negative."},
    Message{"error.grading.above_maximum", "La nota supera el puntaje máximo de la evaluación.", "The grade is above the assessment's maximum score."},
    Message{"error.institution.not_found", "No se encontró la institución.", "The institution was not found."},
    Message{"error.institution.duplicate", "Ya existe una institución con ese nombre.", "An institution with that name already exists."},
    Message{"error.institution.stale", "Otra persona cambió esta institución mientras tanto. Recargue y vuelva a intentarlo.",
            "Someone else changed this institution meanwhile. Reload and try again."},
    Message{"error.institution.dates", "La fecha de fin es anterior a la de inicio.", "The end date is before the start date."},
    Message{"error.institution.merge_itself", "No se puede unir una institución consigo misma.", "An institution cannot be merged with itself."},
    Message{"error.enrollment.not_found", "No se encontró esa inscripción en el programa.", "That enrolment was not found in the programme."},
    Message{"error.enrollment.exists", "Esa persona ya está inscrita en este programa.", "That person is already enrolled in this programme."},
    Message{"error.enrollment.stale", "Otra persona cambió esta inscripción mientras tanto. Recargue y vuelva a intentarlo.",
            "Someone else changed this enrolment meanwhile. Reload and try again."},
    Message{"error.enrollment.transition", "Ese cambio de estado de la inscripción no está permitido.",
            "That change of enrolment status is not allowed."},
    Message{"error.database.url", "La dirección de la base de datos no es válida (use sqlite://RUTA o postgresql://...).",
            "The database address is not valid (use sqlite://PATH or postgresql://...)."},
    Message{"error.database.open", "No se pudo abrir la base de datos.", "The database could not be opened."},
    Message{"error.database.newer_schema", "La base de datos fue creada por una versión más nueva de Diplomado; actualice el programa.",
            "The database was created by a newer version of Diplomado; upgrade the program."},
    Message{"error.seed.required", "Falta un dato obligatorio.", "A required value is missing."},
    Message{"error.seed.duplicate", "La clave está repetida.", "The key is repeated."},
    Message{"error.seed.unknown_institution", "Institución desconocida.", "Unknown institution."},
    Message{"error.seed.unknown_subdivision", "Provincia o comarca desconocida.", "Unknown province or comarca."},
    Message{"error.seed.unknown_team", "Equipo desconocido.", "Unknown team."},
    Message{"error.seed.unknown_level", "Nivel desconocido (national o local).", "Unknown level (national or local)."},
    Message{"error.seed.unknown_sex", "Sexo desconocido.", "Unknown sex."},
    Message{"error.seed.invalid_email", "Correo no válido.", "Invalid e-mail."},
    Message{"error.seed.unknown_status", "Estado desconocido.", "Unknown status."},
    Message{"error.seed.unknown_module", "Módulo desconocido (use su posición, desde 1).", "Unknown module (use its position, from 1)."},
    Message{"error.seed.unknown_session", "Sesión desconocida.", "Unknown session."},
    Message{"error.seed.unknown_assessment", "Evaluación desconocida.", "Unknown assessment."},
    Message{"error.seed.unknown_participant", "Participante desconocido.", "Unknown participant."},
    Message{"error.seed.unknown_kind", "Tipo de evaluación desconocido.", "Unknown kind of assessment."},
    Message{"error.seed.invalid_score", "La nota no cabe entre 0 y el puntaje máximo.", "The grade does not fit between 0 and the maximum score."},
    Message{"error.seed.not_active", "La persona se retiró: no recibe notas.", "The person withdrew: they get no grades."},
    Message{"error.seed.leader_not_member", "El líder de grupo no es miembro del equipo.", "The group leader is not a member of the team."},
    Message{"error.field.export_format", "Formato desconocido (csv o xlsx).", "Unknown format (csv or xlsx)."},
    Message{"error.field.sort", "Orden desconocido.", "Unknown sort order."},
    Message{"error.field.too_long", "El texto es demasiado largo.", "The text is too long."},
    Message{"error.import.cell_count", "La fila no tiene el mismo número de celdas que el encabezado (tiene/esperadas).",
            "The row does not have as many cells as the header (has/expected)."},
    Message{"error.import.column_twice", "Esa columna ya está asignada a otro campo.", "That column is already mapped to another field."},
    Message{"error.import.control_characters", "El texto contiene caracteres de control.", "The text contains control characters."},
    Message{"error.import.corrupt_xlsx", "El archivo XLSX está dañado o no se puede leer.", "The XLSX file is damaged or cannot be read."},
    Message{"error.import.duplicate_email_in_file", "Este correo ya aparece en otra fila del archivo (fila indicada).",
            "This e-mail already appears in another row of the file (row shown)."},
    Message{"error.import.duplicate_name_in_file", "Esta persona (mismo nombre e institución) ya aparece en otra fila (fila indicada).",
            "This person (same name and institution) already appears in another row (row shown)."},
    Message{"error.import.empty_file", "El archivo está vacío.", "The file is empty."},
    Message{"error.import.invalid_date", "No es una fecha válida (use AAAA-MM-DD o DD/MM/AAAA).",
            "It is not a valid date (use YYYY-MM-DD or DD/MM/YYYY)."},
    Message{"error.import.invalid_email", "No es una dirección de correo válida.", "It is not a valid e-mail address."},
    Message{"error.import.malformed_csv", "El CSV tiene comillas sin cerrar o mal puestas (cerca de la fila indicada).",
            "The CSV has unclosed or misplaced quotes (near the row shown)."},
    Message{"error.import.no_such_column", "El archivo no tiene esa columna.", "The file has no such column."},
    Message{"error.import.not_a_table", "El archivo no es un CSV ni un XLSX.", "The file is neither a CSV nor an XLSX."},
    Message{"error.import.only_header", "El archivo solo tiene la fila de encabezado, sin participantes.",
            "The file has only the header row, with no participants."},
    Message{"error.import.possible_duplicate", "Ya existe una persona con el mismo nombre e institución, con otro correo; no se une sin revisión.",
            "A person with the same name and institution is already on file under another e-mail; they are not merged without review."},
    Message{"error.import.required", "Este dato es obligatorio.", "This value is required."},
    Message{"error.import.too_large", "El archivo supera el máximo de 16 MiB.", "The file is larger than the 16 MiB maximum."},
    Message{"error.import.too_long", "El texto supera los 200 caracteres.", "The text is longer than 200 characters."},
    Message{"error.import.unknown_institution", "Institución desconocida: no coincide con ninguna sigla, nombre ni alias.",
            "Unknown institution: it matches no acronym, name or alias."},
    Message{"error.import.unknown_level", "Nivel desconocido (use Nacional o Local).", "Unknown level (use National or Local)."},
    Message{"error.import.unknown_sex", "Sexo desconocido (use F, M, Otro o déjelo vacío).", "Unknown sex (use F, M, Other or leave it empty)."},
    Message{"error.import.unknown_subdivision", "Provincia o comarca desconocida para el país del programa.",
            "Unknown province or comarca for the programme's country."},
    Message{"error.import.has_errors", "Hay filas con errores: no se importó nada. Corrija el archivo o la asignación.",
            "Some rows have errors: nothing was imported. Correct the file or the mapping."},
    Message{"error.import.storage", "La base de datos rechazó la importación (quizá otra la cambió a la vez); no se guardó nada. Vuelva a intentarlo.",
            "The database refused the import (perhaps another one changed it at the same time); nothing was saved. Try again."},
    Message{"error.import.unknown_field", "Campo desconocido en la asignación de columnas.", "Unknown field in the column mapping."},
    Message{"error.import.unmapped_field", "Ninguna columna está asignada a este campo obligatorio.", "No column is mapped to this required field."},
    Message{"error.import.unpacks_too_large", "El XLSX se descomprime a un tamaño excesivo; no se leyó.",
            "The XLSX unpacks to an excessive size; it was not read."},
    Message{"error.import.upload_not_found", "No se encontró el archivo subido (caduca a las 24 horas); súbalo de nuevo.",
            "The uploaded file was not found (uploads expire after 24 hours); upload it again."},
    Message{"error.reference.country", "El país debe ser un código ISO 3166-1 de dos letras mayúsculas.",
            "The country must be a two-letter upper-case ISO 3166-1 code."},
    Message{"error.reference.shape", "La lista no tiene la forma esperada.", "The list does not have the expected shape."},
    Message{"error.reference.subdivision_code", "El código debe ser ISO 3166-2 y empezar por el código del país (p. ej. PA-8).",
            "The code must be ISO 3166-2 and start with the country code (e.g. PA-8)."},
    Message{"export.file_name", "participantes", "participants"},
    Message{"export.sheet", "Participantes", "Participants"},
    Message{"export.given_names", "Nombres", "Given names"},
    Message{"export.family_names", "Apellidos", "Family names"},
    Message{"export.sex", "Sexo", "Sex"},
    Message{"export.gender_identity", "Identidad de género", "Gender identity"},
    Message{"export.email", "Correo electrónico", "E-mail"},
    Message{"export.phone", "Teléfono", "Phone"},
    Message{"export.institution", "Institución", "Institution"},
    Message{"export.position", "Cargo", "Position"},
    Message{"export.level", "Nivel", "Level"},
    Message{"export.subdivision", "Provincia o comarca", "Province or comarca"},
    Message{"export.team", "Equipo", "Team"},
    Message{"export.status", "Estado", "Status"},
    Message{"export.consent_date", "Fecha de consentimiento", "Consent date"},
    Message{"export.consent_notice_version", "Versión del aviso", "Notice version"},
    Message{"export.consent_purposes", "Finalidades", "Purposes"},
    Message{"export.value.female", "Femenino", "Female"},
    Message{"export.value.male", "Masculino", "Male"},
    Message{"export.value.other", "Otro", "Other"},
    Message{"export.value.undisclosed", "No indica", "Not stated"},
    Message{"export.value.national", "Nacional", "National"},
    Message{"export.value.local", "Local", "Local"},
    Message{"export.value.enrolled", "Inscrito", "Enrolled"},
    Message{"export.value.withdrawn", "Retirado", "Withdrawn"},
    Message{"export.value.completed", "Completado", "Completed"},
    Message{"export.value.graduated", "Graduado", "Graduated"},
    Message{"cli.help.reference_directory", "Carpeta de datos de referencia que se cargan al iniciar (subdivisiones, instituciones)",
            "Folder of reference data loaded at init (subdivisions, institutions)"},
    Message{"cli.help.import", "Importa datos desde hojas de cálculo", "Imports data from spreadsheets"},
    Message{"cli.help.import_participants", "Importa participantes desde un CSV o XLSX (vista previa con --dry-run; todo o nada)",
            "Imports participants from a CSV or XLSX (preview with --dry-run; all or nothing)"},
    Message{"cli.help.import_file", "El archivo CSV o XLSX", "The CSV or XLSX file"},
    Message{"cli.help.dry_run", "Solo muestra lo que haría, sin escribir nada", "Only shows what it would do, writing nothing"},
    Message{"cli.help.import_format", "Formato del resumen: text o json", "Summary format: text or json"},
    Message{"cli.help.map", "Corrige la asignación: campo=columna (número desde 1 o texto del encabezado); se puede repetir",
            "Corrects the mapping: field=column (number from 1 or header text); may be repeated"},
    Message{"cli.help.export", "Exporta datos como hojas de cálculo", "Exports data as spreadsheets"},
    Message{"cli.help.export_participants", "Exporta los participantes del programa (CSV o XLSX)", "Exports the programme's participants (CSV or XLSX)"},
    Message{"cli.help.export_format", "Formato: csv o xlsx", "Format: csv or xlsx"},
    Message{"cli.help.output", "Archivo de salida (por omisión, la salida estándar)", "Output file (standard output by default)"},
    Message{"cli.help.reference", "Carga datos de referencia (subdivisiones de un país, instituciones)",
            "Loads reference data (a country's subdivisions, institutions)"},
    Message{"cli.help.reference_subdivisions", "Carga o actualiza las subdivisiones ISO 3166-2 de un país desde JSON",
            "Loads or updates a country's ISO 3166-2 subdivisions from JSON"},
    Message{"cli.help.reference_institutions", "Carga instituciones (con alias) desde JSON", "Loads institutions (with aliases) from JSON"},
    Message{"cli.help.reference_file", "El archivo JSON", "The JSON file"},
    Message{"cli.help.gradebook", "Imprime el libro de notas: una fila por inscripción (notas por módulo, nota final, asistencia)",
            "Prints the gradebook: one row per enrolment (module grades, final grade, attendance)"},
    Message{"cli.help.gradebook_format", "Formato: json o csv", "Format: json or csv"},
    Message{"cli.help.gain", "Imprime la ganancia de conocimiento (prueba de entrada frente a la de salida), con n",
            "Prints the knowledge gain (pre-test against post-test), with n"},
    Message{"cli.help.gain_format", "Formato: json", "Format: json"},
    Message{"cli.import.detected", "Archivo", "File"},
    Message{"cli.import.separator", "separador", "separator"},
    Message{"cli.import.rows", "Filas", "Rows"},
    Message{"cli.import.created", "nuevas", "new"},
    Message{"cli.import.updated", "actualizadas", "updated"},
    Message{"cli.import.unchanged", "sin cambios", "unchanged"},
    Message{"cli.import.enrolled", "inscripciones nuevas", "new enrolments"},
    Message{"cli.import.row", "Fila", "Row"},
    Message{"cli.import.nothing_written", "Hay errores: no se escribió nada.", "There are errors: nothing was written."},
    Message{"cli.import.committed", "Importación confirmada.", "Import committed."},
    Message{"cli.import.dry_run", "Vista previa sin errores: nada escrito todavía (quite --dry-run para confirmar).",
            "Preview without errors: nothing written yet (drop --dry-run to commit)."},
    Message{"cli.export.written", "Escrito", "Written"},
    Message{"cli.reference.subdivisions", "Subdivisiones cargadas para", "Subdivisions loaded for"},
    Message{"cli.reference.institutions", "Instituciones cargadas", "Institutions loaded"},
    Message{"error.seed.storage", "La base de datos rechazó el programa; no se guardó nada.",
            "The database refused the programme; nothing was saved."},
    Message{"error.seed.file", "No se pudo leer el archivo del programa.", "The programme file could not be read."},
    Message{"error.data_dir", "No se puede escribir en el directorio de datos.", "The data directory cannot be written."},
    Message{"error.port_in_use", "No se pudo escuchar en el puerto (¿ya está en uso?).", "Could not listen on the port (is it already in use?)."},
    Message{"cli.init.created", "Coordinador inicial creado. Guarde esta contraseña: no se volverá a mostrar.",
            "First coordinator created. Keep this password: it will not be shown again."},
    Message{"cli.init.exists", "El sitio ya tiene usuarios; no se creó ninguno.", "The site already has users; none was created."},
    Message{"cli.demo.loaded", "Programa de demostración cargado.", "Demo programme loaded."},
    Message{"cli.demo.exists", "El programa de demostración ya estaba cargado.", "The demo programme was already loaded."},
    Message{"cli.user.added", "Usuario creado.", "User created."},
    Message{"cli.help.data", "Directorio de datos (por omisión ./var)", "Data directory (default ./var)"},
    Message{"cli.help.database", "URL de la base de datos: sqlite://RUTA o postgresql://... (por omisión: SQLite en --data)", "Database URL: sqlite://PATH or postgresql://... (default: SQLite in --data)"},
    Message{"cli.help.app", "Diplomado: gestiona un diplomado profesional para personas servidoras públicas", "Diplomado: runs a professional diploma course for public officials"},
    Message{"cli.help.init", "Crea la base de datos y la primera coordinación (muestra la contraseña una sola vez)", "Create the database and the first coordinator (prints the password once)"},
    Message{"cli.help.init_email", "Correo de la primera coordinación", "E-mail of the first coordinator"},
    Message{"cli.help.init_name", "Nombre visible de la primera coordinación (por omisión: el correo)", "Display name of the first coordinator (default: the e-mail)"},
    Message{"cli.help.demo", "Carga el programa de demostración (se puede repetir sin efecto)", "Load the demo programme (idempotent)"},
    Message{"cli.help.demo_file", "Archivo de programa que se carga en lugar de la demostración incluida", "Programme file to load instead of the shipped demo"},
    Message{"cli.help.serve", "Sirve la aplicación web y la API", "Serve the web app and the API"},
    Message{"cli.help.port", "Puerto TCP (por omisión 8080)", "TCP port (default 8080)"},
    Message{"cli.help.address", "Dirección en la que escuchar (por omisión 127.0.0.1)", "Address to listen on (default 127.0.0.1)"},
    Message{"cli.help.web_root", "Carpeta de la aplicación web compilada", "Folder of the built web app"},
    Message{"cli.help.threads", "Hilos de trabajo", "Worker threads"},
    Message{"cli.help.secure_cookies", "Marca la cookie de sesión como Secure (detrás de HTTPS)", "Mark the session cookie Secure (behind HTTPS)"},
    Message{"cli.help.user", "Gestiona usuarios", "Manage users"},
    Message{"cli.help.user_add", "Agrega un usuario con un rol", "Add a user with one role"},
    Message{"cli.help.email", "Correo electrónico", "E-mail"},
    Message{"cli.help.name", "Nombre visible", "Display name"},
    Message{"cli.help.role", "coordinator|instructor|juror|group_leader|participant|observer (rol)", "coordinator|instructor|juror|group_leader|participant|observer"},
    Message{"cli.help.programme", "Código del programa (sin él, el rol vale para todo el sitio)", "Programme code (omit for a site-wide grant)"},
    Message{"cli.help.password_stdin", "Lee la contraseña de la entrada estándar", "Read the password from standard input"},
    Message{"cli.help.version", "Muestra la versión y termina", "Display the version and exit"},
    Message{"cli.help.help", "Muestra esta ayuda y termina", "Print this help message and exit"},
    Message{"cli.label.Usage", "Uso", "Usage"},
    Message{"cli.label.OPTIONS", "OPCIONES", "OPTIONS"},
    Message{"cli.label.Options", "Opciones", "Options"},
    Message{"cli.label.SUBCOMMAND", "SUBORDEN", "SUBCOMMAND"},
    Message{"cli.label.Subcommands", "Subórdenes", "Subcommands"},
    Message{"cli.label.REQUIRED", "OBLIGATORIO", "REQUIRED"},
    Message{"cli.serve.listening", "Diplomado escucha en", "Diplomado is listening on"},
};

}  // namespace

std::string_view to_string(Language language) { return language == Language::en ? "en" : "es"; }

Language pick_language(std::string_view accept_language) {
  // Tags in order of appearance; quality values are rare from browsers in practice and the first
  // listed is the preferred one.
  std::size_t start = 0;
  while (start < accept_language.size()) {
    auto end = accept_language.find(',', start);
    if (end == std::string_view::npos) end = accept_language.size();
    auto tag = accept_language.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    if (tag.size() >= 2) {
      const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(tag[0])));
      const char second = static_cast<char>(std::tolower(static_cast<unsigned char>(tag[1])));
      const bool ends = tag.size() == 2 || tag[2] == '-' || tag[2] == '_' || tag[2] == ';' || tag[2] == '.';
      if (ends && first == 'e' && second == 's') return Language::es;
      if (ends && first == 'e' && second == 'n') return Language::en;
    }
    start = end + 1;
  }
  return Language::es;
}

std::string translate(std::string_view key, Language language) {
  for (const auto& message : messages)
    if (message.key == key) return std::string(language == Language::en ? message.en : message.es);
  return std::string(key);
}

std::size_t message_count() { return messages.size(); }

bool has_both_languages(std::string_view key) {
  for (const auto& message : messages)
    if (message.key == key) return !message.es.empty() && !message.en.empty() && message.es != message.en;
  return false;
}

}  // namespace diplomado
