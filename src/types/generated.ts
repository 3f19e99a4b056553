// Generated from schemas/*.schema.json by `npm run gen-types`. Do not edit by hand.
/* eslint-disable */

// site.schema.json
/**
 * Mã: Mã viết thường không dấu, nối bằng gạch ngang, ví dụ dich-vong-hau.
 */
export type Id = string;
/**
 * Lĩnh vực: Lĩnh vực của đời sống xã hội.
 *
 * @minItems 1
 */
export type Catalogue = {
  id: Id;
  /**
   * Tên: Tên hiển thị.
   */
  name: string;
  /**
   * Mô tả: Mô tả ngắn.
   */
  description?: string;
}[];
/**
 * Kênh tuyên truyền: Cổng thông tin, Bản tin, trang đơn vị, loa truyền thanh…
 *
 * @minItems 1
 */
export type Catalogue1 = {
  id: Id;
  /**
   * Tên: Tên hiển thị.
   */
  name: string;
  /**
   * Mô tả: Mô tả ngắn.
   */
  description?: string;
}[];
/**
 * Loại hoạt động: Giao lưu, tọa đàm, phát thanh, đăng tin…
 *
 * @minItems 1
 */
export type Catalogue2 = {
  id: Id;
  /**
   * Tên: Tên hiển thị.
   */
  name: string;
  /**
   * Mô tả: Mô tả ngắn.
   */
  description?: string;
}[];

/**
 * Tổ chức, đơn vị, phường, lĩnh vực, kênh tuyên truyền, ngày kỷ niệm và định dạng văn bản. Mọi danh mục là dữ liệu: mã nguồn không ghi tên đơn vị hay phường nào.
 */
export interface SiteConfig {
  /**
   * Tên chuyên mục: Tên chuyên mục trên Cổng thông tin điện tử.
   */
  title: string;
  /**
   * Giới thiệu: Một hai câu giới thiệu chuyên mục.
   */
  description?: string;
  /**
   * Địa chỉ trang: Địa chỉ gốc của chuyên mục khi công bố, ví dụ https://caugiay.example.vn/guong-sang/ (dùng cho feed, sitemap, lịch).
   */
  baseUrl: string;
  /**
   * Dữ liệu minh họa: true khi nội dung chỉ là dữ liệu minh họa: mọi trang hiện dòng "Dữ liệu minh họa".
   */
  sample: boolean;
  /**
   * Múi giờ: Múi giờ đọc mọi ngày tháng.
   */
  timeZone: "Asia/Ho_Chi_Minh";
  /**
   * Cơ quan: Cơ quan chủ trì chuyên mục.
   */
  organisation: {
    /**
     * Tên cơ quan: Ví dụ: Ban Tuyên giáo Quận ủy Cầu Giấy.
     */
    name: string;
    /**
     * Tên viết tắt: Ví dụ: BTG Quận ủy.
     */
    shortName?: string;
    /**
     * Cấp: Cấp của cơ quan chủ trì; đơn vị tổng hợp cấp trên dùng để xếp nhóm.
     */
    level?: "city" | "district" | "ward" | "commune" | "special-zone";
    /**
     * Cơ quan cấp trên: Cơ quan cấp trên nhận báo cáo, ví dụ: Ban Tuyên giáo và Dân vận Thành ủy Hà Nội.
     */
    superior?: string;
    /**
     * Cấp trên: Ví dụ: Đảng bộ Quận Cầu Giấy (in ở tiêu đề văn bản).
     */
    parent: string;
    /**
     * Quốc hiệu Đảng: Dòng tiêu đề văn bản Đảng: ĐẢNG CỘNG SẢN VIỆT NAM.
     */
    partyHeader: string;
    /**
     * Địa danh: Địa danh ghi ở dòng ngày tháng, ví dụ: Cầu Giấy.
     */
    place: string;
    /**
     * Ký hiệu văn bản: Ký hiệu dùng trong số văn bản, ví dụ: BTG/QU.
     */
    symbol?: string;
    /**
     * Người ký: Chức danh và họ tên người ký báo cáo.
     */
    leader?: {
      /**
       * Chức danh: Ví dụ: TRƯỞNG BAN.
       */
      title: string;
      /**
       * Họ và tên: Họ và tên người ký.
       */
      name: string;
    };
  };
  /**
   * Đơn vị: Danh sách đơn vị đề xuất điển hình.
   *
   * @minItems 1
   */
  units: {
    id: Id;
    /**
     * Tên đơn vị: Tên đầy đủ của đơn vị.
     */
    name: string;
    /**
     * Tên ngắn: Tên ngắn dùng trong bảng.
     */
    shortName?: string;
    /**
     * Khối: Khối đơn vị.
     */
    group: "ward-party" | "party-org" | "front" | "office";
    /**
     * Phường: Mã phường nơi đơn vị đóng (nếu có).
     */
    ward?: string;
    /**
     * Thuộc diện gửi điển hình: false: đơn vị không thuộc diện gửi điển hình (ví dụ chính cơ quan chủ trì), không vào danh sách đơn vị cần đôn đốc. Mặc định true.
     */
    submits?: boolean;
  }[];
  /**
   * Phường: Các phường có hệ thống loa truyền thanh.
   *
   * @minItems 1
   */
  wards: {
    id: Id;
    /**
     * Tên phường: Tên phường, ví dụ: Dịch Vọng Hậu.
     */
    name: string;
  }[];
  fields: Catalogue;
  channels: Catalogue1;
  activityTypes: Catalogue2;
  /**
   * Ngày kỷ niệm: Ngày lễ, kỷ niệm tổ chức giao lưu điển hình.
   *
   * @minItems 1
   */
  anniversaries: {
    id: Id;
    /**
     * Tên ngày kỷ niệm: Ví dụ: Ngày thành lập Đảng Cộng sản Việt Nam.
     */
    name: string;
    /**
     * Ngày trong năm: Tháng và ngày dạng MM-DD, ví dụ 02-03.
     */
    date: string;
    /**
     * Năm gốc: Năm của sự kiện, để tính lần kỷ niệm thứ bao nhiêu.
     */
    since?: number;
  }[];
  /**
   * Định dạng văn bản in: Khổ giấy, lề và phông chữ cho Bản tin và báo cáo PDF, và thể thức các tệp Word.
   */
  document: {
    /**
     * Tên Bản tin: Ví dụ: Bản tin Thông tin nội bộ.
     */
    bulletinName: string;
    /**
     * Khổ giấy: Khổ giấy in.
     */
    paper?: "A4";
    /**
     * Lề (mm): Lề trên, phải, dưới, trái tính bằng mi-li-mét.
     */
    margins?: {
      /**
       * Lề trên: Mi-li-mét.
       */
      top?: number;
      /**
       * Lề phải: Mi-li-mét.
       */
      right?: number;
      /**
       * Lề dưới: Mi-li-mét.
       */
      bottom?: number;
      /**
       * Lề trái: Mi-li-mét.
       */
      left?: number;
    };
    /**
     * Phông chữ: Phông chữ và cỡ chữ khi in.
     */
    font?: {
      /**
       * Họ phông: Phông có đủ dấu tiếng Việt, đi kèm dự án.
       */
      family?: "Noto Serif";
      /**
       * Cỡ chữ (pt): Cỡ chữ thân bài.
       */
      size?: number;
    };
    /**
     * Văn bản Word: Thể thức các tệp Word (.docx) của báo cáo, kế hoạch và Bản tin, theo Hướng dẫn 36-HD/VPTW và Nghị định 30/2020/NĐ-CP: khổ A4, lề và cỡ chữ chỉ được chọn trong khoảng các văn bản này cho phép.
     */
    word?: {
      /**
       * Phông chữ Word: Phông chữ tiếng Việt Unicode (TCVN 6909:2001) có sẵn trên máy văn phòng.
       */
      font?: "Times New Roman";
      /**
       * Cỡ chữ nội dung (pt): Cỡ chữ phần nội dung văn bản, từ 13 đến 14.
       */
      size?: number;
      /**
       * Lề văn bản Word (mm): Lề trên và dưới từ 20 đến 25 mm, lề trái từ 30 đến 35 mm, lề phải từ 15 đến 20 mm.
       */
      margins?: {
        /**
         * Lề trên (Word): Từ 20 đến 25 mm.
         */
        top?: number;
        /**
         * Lề phải (Word): Từ 15 đến 20 mm.
         */
        right?: number;
        /**
         * Lề dưới (Word): Từ 20 đến 25 mm.
         */
        bottom?: number;
        /**
         * Lề trái (Word): Từ 30 đến 35 mm.
         */
        left?: number;
      };
    };
  };
  /**
   * Báo cáo quý, năm: Thông tin in trên báo cáo quý, năm gửi cấp trên.
   */
  reports?: {
    /**
     * Nơi nhận báo cáo: Các nơi nhận in ở cuối báo cáo, theo thứ tự; dòng cuối thường là Lưu. Bỏ trống thì lấy nhóm "Để báo cáo" của kế hoạch mới nhất.
     *
     * @minItems 1
     */
    recipients?: string[];
  };
  /**
   * Loa truyền thanh: Tốc độ đọc, thời lượng mỗi buổi phát và bảng chữ viết tắt.
   */
  loudspeaker: {
    /**
     * Tốc độ đọc (tiếng/phút): Số tiếng phát thanh viên đọc trong một phút.
     */
    wordsPerMinute: number;
    /**
     * Thời lượng buổi phát (phút): Thời lượng quy định cho một buổi phát.
     */
    slotMinutes: number;
    /**
     * Lời mở đầu: Câu mở đầu buổi phát; {phuong} được thay bằng tên phường.
     */
    opening?: string;
    /**
     * Lời kết: Câu kết thúc buổi phát.
     */
    closing?: string;
    /**
     * Chữ viết tắt: Chữ viết tắt và cách đọc đầy đủ, ví dụ TCCS: tổ chức cơ sở.
     */
    abbreviations: {
      [k: string]: string | undefined;
    };
  };
  /**
   * Giới hạn kiểm tra: Giới hạn trình kiểm tra nội dung áp dụng để mọi nội dung hợp lệ đều dựng được. Không ghi thì dùng giá trị mặc định.
   */
  limits?: {
    /**
     * Năm sớm nhất: Mọi ngày tháng trong nội dung phải từ năm này trở đi.
     */
    minYear?: number;
    /**
     * Năm muộn nhất: Mọi ngày tháng trong nội dung phải không muộn hơn năm này.
     */
    maxYear?: number;
    /**
     * Số điểm ảnh tối đa: Ảnh có số điểm ảnh (rộng × cao) lớn hơn số này bị từ chối, để việc dựng trang không cạn bộ nhớ.
     */
    imagePixels?: number;
  };
}

// exemplar.schema.json
/**
 * Một điển hình tiêu biểu (cá nhân, tập thể, mô hình hay, cách làm hiệu quả) trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
 */
export interface Exemplar {
  /**
   * Tiêu đề: Tiêu đề bài viết, tối đa 150 ký tự.
   */
  title: string;
  /**
   * Loại điển hình: Cá nhân, tập thể, mô hình hay hoặc cách làm hiệu quả.
   */
  kind: "individual" | "collective" | "model" | "practice";
  /**
   * Đối tượng: Người, tập thể hoặc mô hình được giới thiệu.
   */
  subject: {
    /**
     * Họ tên / tên gọi: Họ và tên đầy đủ của cá nhân, hoặc tên tập thể, mô hình.
     */
    name: string;
    /**
     * Năm sinh: Năm sinh bốn chữ số (bắt buộc với cá nhân).
     */
    birthYear?: number;
    /**
     * Chức vụ: Chức vụ, nghề nghiệp hoặc vai trò.
     */
    role?: string;
  };
  /**
   * Đơn vị đề xuất: Mã đơn vị đề xuất, khai báo trong content/site.yaml (mục units).
   */
  unit: string;
  /**
   * Phường: Mã phường, khai báo trong content/site.yaml (mục wards).
   */
  ward?: string;
  /**
   * Lĩnh vực: Mã lĩnh vực, khai báo trong content/site.yaml (mục fields).
   */
  field: string;
  /**
   * Ngày đề xuất: Ngày đề xuất hoặc công nhận, dạng YYYY-MM-DD; quyết định quý được tính.
   */
  date: string;
  /**
   * Trích ngang: Một đến ba câu tóm tắt: là ai, đạt kết quả gì, làm thế nào (tối đa 600 ký tự).
   */
  summary: string;
  /**
   * Kết quả đạt được: Danh sách kết quả đạt được, ít nhất một dòng.
   *
   * @minItems 1
   * @maxItems 30
   */
  achievements: string[];
  /**
   * Cách làm hiệu quả: Cách làm hiệu quả, kinh nghiệm có thể nhân rộng.
   */
  method?: string;
  /**
   * Kênh tuyên truyền: Mã các kênh đăng tải, khai báo trong content/site.yaml (mục channels), ví dụ portal, bulletin, loudspeaker.
   *
   * @minItems 1
   */
  channels: string[];
  /**
   * Đồng ý công bố: Cá nhân đã đồng ý cho công bố thông tin (bắt buộc true với cá nhân).
   */
  consent?: boolean;
  /**
   * Ảnh: Ảnh minh họa đặt cạnh tệp bài.
   */
  image?: {
    /**
     * Tệp ảnh: Đường dẫn tương đối từ tệp bài tới ảnh (.jpg, .jpeg, .png, .webp), nằm trong thư mục content.
     */
    src: string;
    /**
     * Mô tả ảnh: Mô tả nội dung ảnh cho người không xem được ảnh.
     */
    alt: string;
    /**
     * Nguồn ảnh: Tác giả hoặc nguồn ảnh.
     */
    credit?: string;
  };
  /**
   * Bài đọc trên loa: Bài đọc riêng cho loa truyền thanh, thay cho bài tự tạo từ trích ngang.
   */
  loudspeaker?: string;
  /**
   * Từ khóa: Danh sách từ khóa.
   *
   * @maxItems 20
   */
  tags?: string[];
  /**
   * Bản nháp: true: chỉ hiện khi xem thử (npm start), không bao giờ công bố.
   */
  draft?: boolean;
}

// plan.schema.json
/**
 * Văn bản kế hoạch của Đảng, trình bày theo thể thức văn bản Đảng.
 */
export interface Plan {
  /**
   * Số, ký hiệu: Số và ký hiệu văn bản, ví dụ 08-KH/BTG.
   */
  number: string;
  /**
   * Cơ quan ban hành: Tên cơ quan ban hành, ví dụ Ban Tuyên giáo Quận ủy Cầu Giấy.
   */
  issuer: string;
  /**
   * Cơ quan cấp trên: Tên cấp trên in ở tiêu đề, ví dụ Đảng bộ Quận Cầu Giấy.
   */
  issuerParent?: string;
  /**
   * Đơn vị: Mã đơn vị ban hành trong content/site.yaml (nếu có).
   */
  unit?: string;
  /**
   * Địa danh: Địa danh ở dòng ngày tháng, ví dụ Cầu Giấy.
   */
  place: string;
  /**
   * Ngày ban hành: Ngày ban hành, dạng YYYY-MM-DD.
   */
  date: string;
  /**
   * Trích yếu: Trích yếu nội dung, ví dụ Tuyên truyền điển hình tiêu biểu…
   */
  title: string;
  /**
   * Tóm tắt: Tóm tắt ngắn dùng ở danh sách.
   */
  summary?: string;
  /**
   * Căn cứ: Các văn bản mà kế hoạch thực hiện.
   *
   * @minItems 1
   */
  basis: {
    /**
     * Số văn bản: Ví dụ 127-KH/BTGTU.
     */
    number: string;
    /**
     * Ngày văn bản: Ngày ban hành văn bản căn cứ.
     */
    date?: string;
    /**
     * Cơ quan ban hành: Ví dụ Ban Tuyên giáo Thành ủy Hà Nội.
     */
    issuer: string;
    /**
     * Trích yếu: Trích yếu văn bản căn cứ.
     */
    title: string;
  }[];
  /**
   * Nơi nhận: Các nhóm nơi nhận, mỗi nhóm với mục đích (Để báo cáo, Để phối hợp, thực hiện…).
   *
   * @minItems 1
   */
  recipients: {
    /**
     * Mục đích: Ví dụ: Để báo cáo.
     */
    purpose?: string;
    /**
     * Nơi nhận: Tên các nơi nhận trong nhóm.
     *
     * @minItems 1
     */
    names: string[];
  }[];
  /**
   * Người ký: Chức danh, họ tên và tình trạng ký.
   */
  signer: {
    /**
     * Chức danh: Ví dụ TRƯỞNG BAN.
     */
    title: string;
    /**
     * Họ và tên: Họ và tên người ký.
     */
    name: string;
    /**
     * Đã ký: true: in dòng (Đã ký).
     */
    signed: boolean;
  };
  /**
   * Từ khóa: Danh sách từ khóa.
   *
   * @maxItems 20
   */
  tags?: string[];
  /**
   * Bản nháp: true: chỉ hiện khi xem thử (npm start), không bao giờ công bố.
   */
  draft?: boolean;
}

// activity.schema.json
/**
 * Một hoạt động tuyên truyền: giao lưu, tọa đàm, buổi phát thanh, bài đăng.
 */
export interface Activity {
  /**
   * Tên hoạt động: Tên hoạt động, tối đa 150 ký tự.
   */
  title: string;
  /**
   * Loại hoạt động: Mã loại hoạt động, khai báo trong content/site.yaml (mục activityTypes).
   */
  type: string;
  /**
   * Thời gian: Ngày YYYY-MM-DD, hoặc ngày giờ có múi giờ như 2019-05-19T08:00:00+07:00.
   */
  date: string;
  /**
   * Đơn vị tổ chức: Mã đơn vị tổ chức, khai báo trong content/site.yaml (mục units).
   */
  unit: string;
  /**
   * Phường: Mã phường, khai báo trong content/site.yaml (mục wards).
   */
  ward?: string;
  /**
   * Kênh tuyên truyền: Mã kênh, khai báo trong content/site.yaml (mục channels).
   */
  channel?: string;
  /**
   * Dịp kỷ niệm: Mã ngày kỷ niệm, khai báo trong content/site.yaml (mục anniversaries).
   */
  occasion?: string;
  /**
   * Điển hình: Tên tệp (slug) các điển hình được giới thiệu.
   */
  exemplars?: string[];
  /**
   * Số người tham dự: Số người tham dự hoặc lượt tiếp cận.
   */
  participants?: number;
  /**
   * Địa điểm: Nơi tổ chức.
   */
  place?: string;
  /**
   * Thời lượng (phút): Thời lượng hoạt động hoặc buổi phát, tính bằng phút.
   */
  durationMinutes?: number;
  /**
   * Tóm tắt: Một hai câu tóm tắt.
   */
  summary?: string;
  /**
   * Từ khóa: Danh sách từ khóa.
   *
   * @maxItems 20
   */
  tags?: string[];
  /**
   * Bản nháp: true: chỉ hiện khi xem thử (npm start), không bao giờ công bố.
   */
  draft?: boolean;
}

// bulletin.schema.json
/**
 * Một số Bản tin Thông tin nội bộ; lời tòa soạn là phần thân bài.
 */
export interface Bulletin {
  /**
   * Số bản tin: Số thứ tự trong năm, trùng phần <nn> của tên tệp <yyyy>-<nn>.md.
   */
  number: number;
  /**
   * Ngày phát hành: Ngày phát hành, dạng YYYY-MM-DD; năm trùng phần <yyyy> của tên tệp.
   */
  date: string;
  /**
   * Chủ đề: Chủ đề của số bản tin.
   */
  title?: string;
  /**
   * Điển hình: Tên tệp (slug) các điển hình theo thứ tự đăng; điển hình đầu tiên là bài chính trên trang bìa.
   *
   * @minItems 1
   */
  exemplars: string[];
  /**
   * Kế hoạch: Tên tệp (slug) các kế hoạch đăng kèm.
   */
  plans?: string[];
  /**
   * Hoạt động: Tên tệp (slug) các hoạt động đưa tin.
   */
  activities?: string[];
  /**
   * Bản nháp: true: chỉ hiện khi xem thử (npm start), không bao giờ công bố.
   */
  draft?: boolean;
}

// sources.schema.json
/**
 * Tệp nguồn của lệnh npm run aggregate: các chuyên mục Gương Sáng của đơn vị cấp dưới cần tổng hợp, mỗi nguồn là địa chỉ trang đã công bố hoặc thư mục đã dựng trên máy.
 */
export interface AggregateSources {
  /**
   * Tên trang tổng hợp: Tên hiện ở đầu mọi trang tổng hợp, ví dụ: Gương sáng học tập và làm theo Bác trên địa bàn Thành phố.
   */
  title?: string;
  /**
   * Cơ quan tổng hợp: Cơ quan lập trang tổng hợp, ví dụ: Ban Tuyên giáo và Dân vận Thành ủy Hà Nội.
   */
  organisation?: string;
  /**
   * Địa chỉ trang tổng hợp: Địa chỉ gốc khi công bố trang tổng hợp, ví dụ https://ten.github.io/tong-hop/; phần đường dẫn thành tiền tố mọi liên kết.
   */
  baseUrl?: string;
  /**
   * Dữ liệu minh họa: true khi các nguồn chỉ là dữ liệu minh họa: mọi trang hiện dòng "Dữ liệu minh họa".
   */
  sample?: boolean;
  /**
   * Nguồn: Các chuyên mục cần tổng hợp, theo thứ tự hiện trên trang.
   *
   * @minItems 1
   * @maxItems 2000
   */
  sources: {
    /**
     * Mã nguồn: Mã ổn định, viết thường không dấu, nối bằng gạch ngang, ví dụ cau-giay; không đổi giữa các lần tổng hợp.
     */
    id: string;
    /**
     * Tên hiển thị: Tên đơn vị hiện trên trang tổng hợp; bỏ trống thì lấy tên cơ quan trong /api/site.json của nguồn.
     */
    name?: string;
    /**
     * Địa chỉ trang: Địa chỉ chuyên mục đã công bố, kết thúc bằng /, ví dụ https://ten.github.io/cau-giay/.
     */
    url?: string;
    /**
     * Thư mục đã dựng: Thư mục kết quả npm run build trên máy (ví dụ ../nghia-do/_site), tính từ thư mục chứa tệp nguồn.
     */
    path?: string;
  }[];
}
