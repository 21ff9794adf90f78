-- Parses GeoJSON text into an EPSG:4326 geometry, or returns null when the text is not GeoJSON, so that
-- ingestion can report a bad geometry as a row error instead of failing the whole statement.
create function kotaku_try_geojson(text) returns geometry
    language plpgsql immutable strict as
$$
begin
    return ST_SetSRID(ST_GeomFromGeoJSON($1), 4326);
exception when others then
    return null;
end
$$;
